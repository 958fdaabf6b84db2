import { MEDIA_DESCRIPTIONS, renderFile } from "../../generate/files";
import { renderCommentBody, renderContentBody } from "../../generate/bodies";
import type { SimState } from "../../state";
import type { Store } from "../../store/store";
import type { Attachment, Comment, Content, FileKind, Space, SpacePermission, User } from "../../store/types";

/** Turns store records into REST API v2 JSON shapes (per the OpenAPI schemas). */
export const iso = (ms: number) => new Date(ms).toISOString();
const slug = (t: string) => encodeURIComponent(t).replace(/%20/g, "+");

export type BodyFormat = "storage" | "atlas_doc_format" | "view" | null;

export function versionTime(c: { createdAt: number; modifiedAt: number; version: number; versionTimes?: Map<number, number> | null }, n: number): number {
  const explicit = c.versionTimes?.get(n);
  if (explicit !== undefined) return explicit;
  if (c.version <= 1 || n >= c.version) return n >= c.version ? c.modifiedAt : c.createdAt;
  return c.createdAt + Math.floor(((c.modifiedAt - c.createdAt) * (n - 1)) / (c.version - 1));
}

function bodyOf(value: string, format: BodyFormat): Record<string, unknown> | undefined {
  if (!format) return undefined;
  if (format === "atlas_doc_format") {
    const text = value
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const doc = { type: "doc", version: 1, content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }] };
    return { atlas_doc_format: { representation: "atlas_doc_format", value: JSON.stringify(doc) } };
  }
  return { [format]: { representation: format, value } };
}

export function webui(store: Store, c: Content): string {
  const key = store.spaces.get(c.spaceId)?.key ?? "";
  if (c.type === "blogpost") {
    const d = new Date(c.createdAt);
    return `/spaces/${key}/blog/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${c.id}/${slug(c.title)}`;
  }
  if (c.type === "folder") return `/spaces/${key}/folder/${c.id}`;
  return `/spaces/${key}/pages/${c.id}/${slug(c.title)}`;
}

export function contentJson(sim: SimState, c: Content, format: BodyFormat, versionNumber = c.version): Record<string, unknown> {
  const store = sim.store;
  const parent = c.parentId != null ? store.contents.get(c.parentId) : undefined;
  const version = {
    createdAt: iso(versionTime(c, versionNumber)),
    message: versionNumber === c.version ? c.versionMessage : "",
    number: versionNumber,
    minorEdit: false,
    authorId: versionNumber === 1 ? c.authorId : c.versionAuthorId,
  };
  const base: Record<string, unknown> = {
    id: String(c.id),
    status: versionNumber < c.version ? "historical" : c.status,
    title: c.title,
    spaceId: String(c.spaceId),
  };
  if (c.type === "folder") {
    return {
      id: String(c.id),
      type: "folder",
      status: c.status,
      title: c.title,
      ...(parent ? { parentId: String(parent.id), parentType: parent.type } : {}),
      position: c.position,
      authorId: c.authorId,
      ownerId: c.authorId,
      createdAt: iso(c.createdAt),
      version,
      _links: { webui: webui(store, c) },
    };
  }
  if (c.type === "page") {
    Object.assign(base, {
      ...(parent ? { parentId: String(parent.id), parentType: parent.type } : {}),
      position: c.position,
      ownerId: c.authorId,
      lastOwnerId: null,
    });
  }
  Object.assign(base, { authorId: c.authorId, createdAt: iso(c.createdAt), version });
  const body = bodyOf(renderContentBody(store, c, versionNumber), format);
  if (body) {
    base.body = body;
    sim.bodiesServed.set(c.id, (sim.bodiesServed.get(c.id) ?? 0) + 1);
  }
  base._links = {
    webui: webui(store, c),
    editui: `/pages/resumedraft.action?draftId=${c.id}`,
    tinyui: `/x/${Buffer.from(String(c.id)).toString("base64url")}`,
  };
  return base;
}

export function spaceJson(sim: SimState, s: Space, descriptionFormat: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: String(s.id),
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    authorId: s.authorId,
    createdAt: iso(s.createdAt),
    ...(s.homepageId != null ? { homepageId: String(s.homepageId) } : {}),
    _links: { webui: `/spaces/${s.key}` },
  };
  if (descriptionFormat === "plain" || descriptionFormat === "view") {
    out.description = {
      [descriptionFormat]: { representation: descriptionFormat, value: descriptionFormat === "view" ? `<p>${s.description}</p>` : s.description },
    };
  }
  return out;
}

export function commentJson(sim: SimState, c: Comment, format: BodyFormat): Record<string, unknown> {
  const container = sim.store.contents.get(c.containerId);
  const out: Record<string, unknown> = {
    id: String(c.id),
    status: c.status,
    title: `Re: ${container?.title ?? ""}`,
    [container?.type === "blogpost" ? "blogPostId" : "pageId"]: String(c.containerId),
  };
  if (c.parentCommentId != null) out.parentCommentId = String(c.parentCommentId);
  out.version = { createdAt: iso(c.modifiedAt), message: "", number: c.version, minorEdit: false, authorId: c.authorId };
  if (c.kind === "inline") {
    out.resolutionStatus = c.resolutionStatus;
    out.properties = { inlineMarkerRef: `marker-${c.id}`, inlineOriginalSelection: c.selection };
  }
  const body = bodyOf(renderCommentBody(sim.store, c), format);
  if (body) out.body = body;
  const page = container ? webui(sim.store, container) : "";
  out._links = { webui: `${page}?focusedCommentId=${c.id}#comment-${c.id}` };
  return out;
}

export function attachmentBytes(store: Store, a: Attachment): Uint8Array {
  if (a.bytes) return a.bytes;
  const bytes = renderFile(a.kind as FileKind, a.fileName, a.id);
  a.size = bytes.length;
  return bytes;
}

export function attachmentSize(store: Store, a: Attachment): number {
  if (a.size < 0) attachmentBytes(store, a);
  return a.size;
}

export function downloadPath(a: Attachment): string {
  return `/download/attachments/${a.containerId}/${encodeURIComponent(a.fileName)}?version=${a.version}&modificationDate=${a.modifiedAt}&cacheVersion=1&api=v2`;
}

export function attachmentJson(sim: SimState, a: Attachment): Record<string, unknown> {
  const container = sim.store.contents.get(a.containerId);
  return {
    id: `att${a.id}`,
    status: a.status,
    title: a.fileName,
    createdAt: iso(a.createdAt),
    [container?.type === "blogpost" ? "blogPostId" : "pageId"]: String(a.containerId),
    mediaType: a.mediaType,
    mediaTypeDescription: a.kind === "upload" ? a.mediaType : MEDIA_DESCRIPTIONS[a.kind],
    comment: a.comment,
    fileId: a.fileId,
    fileSize: attachmentSize(sim.store, a),
    webuiLink: `/pages/viewpageattachments.action?pageId=${a.containerId}&preview=${encodeURIComponent("/" + a.containerId + "/" + a.fileName)}`,
    downloadLink: downloadPath(a),
    version: { createdAt: iso(a.modifiedAt), message: "", number: a.version, minorEdit: false, authorId: a.authorId },
    _links: { webui: `/pages/viewpageattachments.action?pageId=${a.containerId}`, download: downloadPath(a) },
  };
}

/** Confluence shows a closed (deleted) account as "Former user", with no email. */
export const shownName = (u: User) => (u.accountStatus === "closed" ? "Former user" : u.displayName);
export const shownEmail = (u: User) => (u.emailVisible && u.accountStatus !== "closed" ? u.email : "");

export function userJson(sim: SimState, u: User): Record<string, unknown> {
  return {
    accountId: u.accountId,
    accountType: u.accountType,
    accountStatus: u.accountStatus ?? "active",
    displayName: shownName(u),
    publicName: shownName(u),
    email: shownEmail(u),
    timeZone: u.timeZone,
    isExternalCollaborator: false,
    ...(u.personalSpaceId ? { personalSpaceId: u.personalSpaceId } : {}),
    profilePicture: { path: `/wiki/aa-avatar/${u.accountId}`, width: 48, height: 48, isDefault: true },
  };
}

export function permissionJson(p: SpacePermission): Record<string, unknown> {
  return {
    id: p.id,
    principal: p.principalType === "anonymous" ? { type: "role", id: "ANONYMOUS" } : { type: p.principalType, id: p.principalId },
    operation: { key: p.operation, targetType: p.targetType },
  };
}
