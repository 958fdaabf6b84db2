import type { DcIdentity } from "../../dc/directory";
import type { DcState } from "../../dc/state";
import type { SimState } from "../../state";
import type { Group, User } from "../../store/types";

/** Data Center JSON for users and groups: people carry a user key and a username, never an account id or an email. */
export function dc(sim: SimState): DcState {
  if (!sim.dc) throw new Error("Data Center route without Data Center state");
  return sim.dc;
}

/** The site's base URL with its context path, e.g. http://127.0.0.1:4010/confluence. */
export function baseUrl(sim: SimState): string {
  return sim.url + dc(sim).config.contextPath;
}

export function dcUserJson(sim: SimState, id: DcIdentity): Record<string, unknown> {
  const cp = dc(sim).config.contextPath;
  return {
    type: "known",
    username: id.username,
    userKey: id.userKey,
    profilePicture: { path: `${cp}/images/icons/profilepics/default.svg`, width: 48, height: 48, isDefault: true },
    displayName: id.user.displayName,
    _links: { self: `${baseUrl(sim)}/rest/api/user?key=${id.userKey}` },
    _expandable: { status: "" },
  };
}

export function dcUser(sim: SimState, user: User | undefined): Record<string, unknown> | null {
  return user ? dcUserJson(sim, dc(sim).directory.of(user)) : null;
}

export function dcUserById(sim: SimState, accountId: string): Record<string, unknown> | null {
  return dcUser(sim, sim.store.users.get(accountId));
}

export function anonymousJson(sim: SimState): Record<string, unknown> {
  const cp = dc(sim).config.contextPath;
  return {
    type: "anonymous",
    profilePicture: { path: `${cp}/images/icons/profilepics/anonymous.svg`, width: 48, height: 48, isDefault: true },
    displayName: "Anonymous",
    _links: { self: `${baseUrl(sim)}/rest/api/user/anonymous` },
  };
}

export function dcGroupJson(sim: SimState, g: Group): Record<string, unknown> {
  return { type: "group", name: g.name, _links: { self: `${baseUrl(sim)}/rest/api/group/${encodeURIComponent(g.name)}` } };
}
