import { renderCommentBody, renderContentBody } from "../../generate/bodies";
import { isoInZone, localDate } from "../../dc/time";
import type { SimState } from "../../state";
import type { Store } from "../../store/store";
import type { Attachment, Comment, Content, Label, Space } from "../../store/types";
import { attachmentSize, versionTime } from "../v2/serialize";
import { baseUrl, dc, dcUserById } from "./people-json";

/**
 * Data Center JSON for spaces, pages, blog posts, comments, attachments and labels (REST API v1
 * shapes with `_links` and `_expandable`, user keys, dates in the server's time zone). Data Center
 * has no folders: a page below a folder shows the folder's nearest page as its parent.
 */
export type Expand = Set<string>;

const pad = (n: number) => String(n).padStart(2, "0");

export function parseExpand(q: URLSearchParams): Expand {
  return new Set(
    (q.get("expand") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** True when `key` or anything below it ("body" for "body.storage") is expanded. */
export function expands(expand: Expand, key: string): boolean {
  if (expand.has(key)) return true;
  for (const e of expand) if (e.startsWith(key + ".")) return true;
  return false;
}

export const when = (sim: SimState, ms: number) => isoInZone(ms, dc(sim).config.timeZone);

/** "yyyy-MM-dd" of an instant in the server's time zone (blog posts' posting day). */
export function localDay(sim: SimState, ms: number): string {
  const [y, m, d] = localDate(ms, dc(sim).config.timeZone);
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function dcAncestors(store: Store, c: Content): Content[] {
  return store.ancestors(c).filter((a) => a.type !== "folder");
}

export function dcParentId(store: Store, c: Content): number | null {
  const chain = dcAncestors(store, c);
  return chain.length ? chain[chain.length - 1].id : null;
}

const slug = (t: string) => encodeURIComponent(t).replace(/%20/g, "+");

export function dcWebui(sim: SimState, c: Content): string {
  const key = sim.store.spaces.get(c.spaceId)?.key ?? "";
  if (c.type === "blogpost") {
    const [y, m, d] = localDate(c.createdAt, dc(sim).config.timeZone);
    return `/spaces/${key}/blog/${y}/${pad(m)}/${pad(d)}/${c.id}/${slug(c.title)}`;
  }
  return `/spaces/${key}/pages/${c.id}/${slug(c.title)}`;
}

/** Mentions name people by user key on Data Center (`ri:userkey`), not by account id. */
export function dcStorage(sim: SimState, storage: string): string {
  const dir = dc(sim).directory;
  return storage.replace(/ri:account-id="([^"]*)"/g, (m, id: string) => {
    const who = dir.byAccountId(id);
    return who ? `ri:userkey="${who.userKey}"` : m;
  });
}

function contentExpandable(id: string, spaceKey: string): Record<string, string> {
  return {
    container: `/rest/api/space/${spaceKey}`,
    metadata: "",
    operations: "",
    children: `/rest/api/content/${id}/child`,
    restrictions: `/rest/api/content/${id}/restriction/byOperation`,
    history: `/rest/api/content/${id}/history`,
    ancestors: "",
    body: "",
    version: "",
    descendants: `/rest/api/content/${id}/descendant`,
    space: `/rest/api/space/${spaceKey}`,
  };
}

export function dcSpaceJson(sim: SimState, s: Space, expand: Expand = new Set(), prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, key: s.key, name: s.name, type: s.type, status: s.status };
  if (expand.has(prefix + "description.plain") || expand.has(prefix + "description"))
    out.description = { plain: { value: s.description, representation: "plain" } };
  if (expands(expand, prefix + "homepage") && s.homepageId != null) {
    const home = sim.store.contents.get(s.homepageId);
    if (home) out.homepage = dcContentJson(sim, home, new Set());
  }
  out._links = { webui: `/spaces/${s.key}/overview`, self: `${baseUrl(sim)}/rest/api/space/${encodeURIComponent(s.key)}` };
  out._expandable = { metadata: "", icon: "", description: "", retentionPolicy: "", homepage: s.homepageId != null ? `/rest/api/content/${s.homepageId}` : "" };
  return out;
}

function versionJson(sim: SimState, id: string, by: string, at: number, n: number, message: string): Record<string, unknown> {
  return {
    by: dcUserById(sim, by),
    when: when(sim, at),
    message,
    number: n,
    minorEdit: false,
    hidden: false,
    _links: { self: `${baseUrl(sim)}/rest/experimental/content/${id}/version/${n}` },
    _expandable: { content: `/rest/api/content/${id}` },
  };
}

function labelJson(l: Label): Record<string, unknown> {
  return { prefix: l.prefix, name: l.name, id: String(l.id), label: l.name };
}

export function dcLabels(sim: SimState, c: Content): Record<string, unknown>[] {
  return c.labels
    .map((id) => sim.store.labels.get(id))
    .filter((l): l is Label => !!l)
    .map(labelJson);
}

export function dcContentJson(sim: SimState, c: Content, expand: Expand, versionNumber = c.version): Record<string, unknown> {
  const store = sim.store;
  const space = store.spaces.get(c.spaceId);
  const id = String(c.id);
  const out: Record<string, unknown> = { id, type: c.type, status: versionNumber < c.version ? "historical" : c.status, title: c.title };
  if (expands(expand, "space") && space) out.space = dcSpaceJson(sim, space, expand, "space.");
  if (expands(expand, "history")) {
    const history: Record<string, unknown> = {
      latest: versionNumber === c.version,
      createdBy: dcUserById(sim, c.authorId),
      createdDate: when(sim, c.createdAt),
    };
    if (expand.has("history.lastUpdated"))
      history.lastUpdated = versionJson(sim, id, c.versionAuthorId, versionTime(c, c.version), c.version, c.versionMessage);
    history._links = { self: `${baseUrl(sim)}/rest/api/content/${id}/history` };
    history._expandable = { lastUpdated: "", previousVersion: "", contributors: "", nextVersion: "" };
    out.history = history;
  }
  if (expands(expand, "version"))
    out.version = versionJson(
      sim,
      id,
      versionNumber === 1 ? c.authorId : c.versionAuthorId,
      versionTime(c, versionNumber),
      versionNumber,
      versionNumber === c.version ? c.versionMessage : "",
    );
  if (expands(expand, "ancestors")) out.ancestors = dcAncestors(store, c).map((a) => dcContentJson(sim, a, new Set()));
  if (expands(expand, "body")) {
    const body: Record<string, unknown> = {};
    // `view` carries the storage markup, as in the Cloud flavour (no renderer here).
    const formats = ["storage", "view"].filter((f) => expand.has(`body.${f}`) || (f === "storage" && expand.has("body")));
    if (formats.length) {
      const value = dcStorage(sim, renderContentBody(store, c, versionNumber));
      for (const f of formats) body[f] = { value, representation: f, _expandable: { content: `/rest/api/content/${id}` } };
      sim.bodiesServed.set(c.id, (sim.bodiesServed.get(c.id) ?? 0) + 1);
    }
    body._expandable = { editor: "", view: "", export_view: "", styled_view: "", anonymous_export_view: "" };
    out.body = body;
  }
  if (expands(expand, "metadata")) {
    const labels = dcLabels(sim, c);
    out.metadata = {
      labels: { results: labels, start: 0, limit: 200, size: labels.length, _links: { self: `${baseUrl(sim)}/rest/api/content/${id}/label` } },
      _expandable: { currentuser: "", properties: "", frontend: "", editorHtml: "" },
    };
  }
  out.position = c.type === "page" ? c.position : -1;
  out.extensions = { position: c.type === "page" ? c.position : "none" };
  out._links = {
    webui: dcWebui(sim, c),
    edit: `/pages/resumedraft.action?draftId=${id}`,
    tinyui: `/x/${Buffer.from(id).toString("base64url")}`,
    self: `${baseUrl(sim)}/rest/api/content/${id}`,
  };
  out._expandable = contentExpandable(id, space?.key ?? "");
  return out;
}

function containerJson(sim: SimState, c: Content | undefined): Record<string, unknown> | undefined {
  return c ? dcContentJson(sim, c, new Set()) : undefined;
}

export function dcCommentJson(sim: SimState, m: Comment, expand: Expand): Record<string, unknown> {
  const store = sim.store;
  const page = store.contents.get(m.containerId);
  const id = String(m.id);
  const out: Record<string, unknown> = { id, type: "comment", status: m.status, title: `Re: ${page?.title ?? ""}` };
  if (expands(expand, "container")) out.container = containerJson(sim, page);
  if (expands(expand, "version")) out.version = versionJson(sim, id, m.authorId, m.modifiedAt, m.version, "");
  if (expands(expand, "history"))
    out.history = {
      latest: true,
      createdBy: dcUserById(sim, m.authorId),
      createdDate: when(sim, m.createdAt),
      _links: { self: `${baseUrl(sim)}/rest/api/content/${id}/history` },
    };
  if (expands(expand, "ancestors")) {
    const chain: Comment[] = [];
    for (
      let p = m.parentCommentId != null ? store.comments.get(m.parentCommentId) : undefined;
      p && chain.length < 50;
      p = p.parentCommentId != null ? store.comments.get(p.parentCommentId) : undefined
    )
      chain.unshift(p);
    out.ancestors = chain.map((p) => ({ id: String(p.id), type: "comment", status: p.status, title: `Re: ${page?.title ?? ""}` }));
  }
  if (expands(expand, "body"))
    out.body = {
      storage: { value: dcStorage(sim, renderCommentBody(store, m)), representation: "storage", _expandable: { content: `/rest/api/content/${id}` } },
      _expandable: { editor: "", view: "", export_view: "", styled_view: "", anonymous_export_view: "" },
    };
  const extensions: Record<string, unknown> = { location: m.kind };
  if (m.kind === "inline") {
    if (expands(expand, "extensions.inlineProperties")) extensions.inlineProperties = { markerRef: `marker-${m.id}`, originalSelection: m.selection };
    if (expands(expand, "extensions.resolution"))
      extensions.resolution = { status: m.resolutionStatus, lastModifier: dcUserById(sim, m.authorId), lastModifiedDate: when(sim, m.modifiedAt) };
  }
  extensions._expandable = {
    ...(m.kind === "inline" && !extensions.inlineProperties ? { inlineProperties: "" } : {}),
    ...(extensions.resolution ? {} : { resolution: "" }),
  };
  out.extensions = extensions;
  out._links = { webui: `${page ? dcWebui(sim, page) : ""}?focusedCommentId=${id}#comment-${id}`, self: `${baseUrl(sim)}/rest/api/content/${id}` };
  out._expandable = {
    container: `/rest/api/content/${m.containerId}`,
    metadata: "",
    operations: "",
    children: `/rest/api/content/${id}/child`,
    restrictions: `/rest/api/content/${id}/restriction/byOperation`,
    history: `/rest/api/content/${id}/history`,
    ancestors: "",
    version: "",
    descendants: `/rest/api/content/${id}/descendant`,
  };
  return out;
}

export function dcDownloadPath(a: Attachment): string {
  return `/download/attachments/${a.containerId}/${encodeURIComponent(a.fileName)}?version=${a.version}&modificationDate=${a.modifiedAt}&api=v2`;
}

export function dcAttachmentJson(sim: SimState, a: Attachment, expand: Expand): Record<string, unknown> {
  const page = sim.store.contents.get(a.containerId);
  const id = `att${a.id}`;
  const out: Record<string, unknown> = { id, type: "attachment", status: a.status, title: a.fileName };
  if (expands(expand, "container")) out.container = containerJson(sim, page);
  if (expands(expand, "version")) out.version = versionJson(sim, id, a.authorId, a.modifiedAt, a.version, "");
  if (expands(expand, "history")) out.history = { latest: true, createdBy: dcUserById(sim, a.authorId), createdDate: when(sim, a.createdAt) };
  out.metadata = { mediaType: a.mediaType, ...(a.comment ? { comment: a.comment } : {}) };
  out.extensions = { mediaType: a.mediaType, fileSize: attachmentSize(sim.store, a), comment: a.comment };
  const preview = encodeURIComponent(`/${a.containerId}/${a.id}/${a.fileName}`);
  out._links = { webui: `${page ? dcWebui(sim, page) : ""}?preview=${preview}`, download: dcDownloadPath(a), self: `${baseUrl(sim)}/rest/api/content/${id}` };
  out._expandable = {
    container: `/rest/api/content/${a.containerId}`,
    operations: "",
    children: `/rest/api/content/${id}/child`,
    restrictions: `/rest/api/content/${id}/restriction/byOperation`,
    history: `/rest/api/content/${id}/history`,
    ancestors: "",
    descendants: `/rest/api/content/${id}/descendant`,
    space: `/rest/api/space/${sim.store.spaces.get(page?.spaceId ?? -1)?.key ?? ""}`,
  };
  return out;
}
