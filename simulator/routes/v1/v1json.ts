import { renderContentBody } from "../../generate/bodies";
import type { SimState } from "../../state";
import type { Content, Group, User } from "../../store/types";
import { iso, shownEmail, shownName, versionTime, webui } from "../v2/serialize";

/** REST API v1 JSON shapes. */
export function v1User(sim: SimState, u: User): Record<string, unknown> {
  return {
    type: "known",
    accountId: u.accountId,
    accountType: u.accountType,
    accountStatus: u.accountStatus ?? "active",
    email: shownEmail(u),
    publicName: shownName(u),
    displayName: shownName(u),
    timeZone: u.timeZone,
    isExternalCollaborator: false,
    profilePicture: { path: `/wiki/aa-avatar/${u.accountId}`, width: 48, height: 48, isDefault: true },
    _links: { self: `${sim.url}/wiki/rest/api/user?accountId=${encodeURIComponent(u.accountId)}` },
  };
}

export function v1Group(sim: SimState, g: Group): Record<string, unknown> {
  return { type: "group", name: g.name, id: g.id, _links: { self: `${sim.url}/wiki/rest/api/group/by-id?id=${g.id}` } };
}

export function v1Content(sim: SimState, c: Content, expand: Set<string>, prefix = ""): Record<string, unknown> {
  const store = sim.store;
  const space = store.spaces.get(c.spaceId);
  const has = (e: string) => expand.has(prefix + e);
  const out: Record<string, unknown> = { id: String(c.id), type: c.type, status: c.status, title: c.title };
  if (has("space") && space)
    out.space = { id: space.id, key: space.key, name: space.name, type: space.type, status: space.status, _links: { webui: `/spaces/${space.key}` } };
  const author = store.users.get(c.versionAuthorId);
  if (has("version"))
    // `when` is the version's own time (as v2's version.createdAt), not the last move or status change.
    out.version = {
      by: author ? v1User(sim, author) : null,
      when: iso(versionTime(c, c.version)),
      number: c.version,
      minorEdit: false,
      message: c.versionMessage,
    };
  if (has("history")) {
    const creator = store.users.get(c.authorId);
    out.history = {
      latest: true,
      createdBy: creator ? v1User(sim, creator) : null,
      createdDate: iso(c.createdAt),
      lastUpdated: { when: iso(versionTime(c, c.version)), number: c.version },
    };
  }
  if (has("ancestors")) out.ancestors = store.ancestors(c).map((a) => ({ id: String(a.id), type: a.type, status: a.status, title: a.title }));
  if (has("body.storage")) {
    out.body = { storage: { value: renderContentBody(store, c, c.version), representation: "storage" } };
    sim.bodiesServed.set(c.id, (sim.bodiesServed.get(c.id) ?? 0) + 1);
  }
  if (has("metadata.labels"))
    out.metadata = {
      labels: {
        results: c.labels
          .map((id) => store.labels.get(id))
          .filter(Boolean)
          .map((l) => ({ prefix: l!.prefix, name: l!.name, id: String(l!.id), label: l!.name })),
        start: 0,
        limit: 200,
        size: c.labels.length,
      },
    };
  out._links = { webui: webui(store, c), tinyui: `/x/${Buffer.from(String(c.id)).toString("base64url")}`, self: `${sim.url}/wiki/rest/api/content/${c.id}` };
  out._expandable = {
    container: `/rest/api/space/${space?.key ?? ""}`,
    space: `/rest/api/space/${space?.key ?? ""}`,
    history: `/rest/api/content/${c.id}/history`,
    version: "",
    ancestors: "",
    body: "",
  };
  return out;
}
