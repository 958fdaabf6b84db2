import { randomUUID } from "node:crypto";
import { grantSpace } from "../generate/people";
import { HttpError } from "../http/errors";
import type { Store } from "./store";
import type { Attachment, Comment, Content, ContentType, PrincipalType, Restriction, User } from "./types";

/** Admin-API mutations. Every change bumps modification times and writes an audit record. */
function need<T>(v: T | undefined | null, what: string): T {
  if (v === undefined || v === null) throw new HttpError(404, `${what} not found`);
  return v;
}

export function getContent(store: Store, id: number): Content {
  return need(store.contents.get(id), `Content ${id}`);
}

export interface CreateContentInput {
  type: ContentType;
  spaceId?: number | string;
  spaceKey?: string;
  title: string;
  parentId?: number | string | null;
  body?: string;
  authorId?: string;
  status?: Content["status"];
}

export function createContent(store: Store, input: CreateContentInput): Content {
  const space = need(input.spaceKey ? store.spaceByKey.get(input.spaceKey) : store.spaces.get(Number(input.spaceId)), "Space");
  const parentId = input.type === "blogpost" ? null : input.parentId != null ? Number(input.parentId) : space.homepageId;
  if (parentId != null) {
    const parent = getContent(store, parentId);
    if (parent.spaceId !== space.id) throw new HttpError(400, "Parent is in another space");
  }
  if (!input.title) throw new HttpError(400, "title is required");
  if (input.type !== "folder" && store.titles.get(space.id)?.has(input.title))
    throw new HttpError(400, `A page with this title already exists: ${input.title}`);
  const now = Date.now();
  const author = input.authorId ?? store.adminUser().accountId;
  const c: Content = {
    id: store.nextId(),
    type: input.type,
    spaceId: space.id,
    parentId,
    title: input.title,
    status: input.status ?? "current",
    authorId: author,
    createdAt: now,
    version: 1,
    modifiedAt: now,
    versionAuthorId: author,
    versionMessage: "",
    position: 0,
    labels: [],
    readRestriction: null,
    lang: space.lang,
    bodies: new Map([[1, input.body ?? `<p>${input.title}</p>`]]),
    versionTimes: new Map([[1, now]]),
  };
  store.addContent(c);
  store.record({
    summary: `${c.type === "blogpost" ? "Blog post" : c.type === "folder" ? "Folder" : "Page"} created`,
    category: "Content",
    objectName: c.title,
    objectType: c.type,
    authorId: author,
    description: `id ${c.id}`,
  });
  return c;
}

export function updateContent(store: Store, id: number, input: { title?: string; body?: string; message?: string; authorId?: string }): Content {
  const c = getContent(store, id);
  const now = Math.max(Date.now(), c.modifiedAt + 1);
  if (input.title && input.title !== c.title) {
    if (store.titles.get(c.spaceId)?.has(input.title)) throw new HttpError(400, `A page with this title already exists: ${input.title}`);
    store.titles.get(c.spaceId)?.delete(c.title);
    c.title = input.title;
    store.titles.get(c.spaceId)?.add(c.title);
  }
  c.bodies ??= new Map();
  c.versionTimes ??= new Map();
  c.version += 1;
  c.bodies.set(c.version, input.body ?? `<p>${c.title}</p><p>Edited at ${new Date(now).toISOString()}</p>`);
  c.versionTimes.set(c.version, now);
  c.modifiedAt = now;
  c.versionAuthorId = input.authorId ?? store.adminUser().accountId;
  c.versionMessage = input.message ?? "";
  store.record({
    summary: "Content updated",
    category: "Content",
    objectName: c.title,
    objectType: c.type,
    authorId: c.versionAuthorId,
    description: `version ${c.version}`,
  });
  return c;
}

export function moveContent(store: Store, id: number, parentId: number | null, spaceId?: number): Content {
  const c = getContent(store, id);
  const targetSpace = spaceId ?? (parentId != null ? getContent(store, parentId).spaceId : c.spaceId);
  for (let p = parentId; p != null; p = store.contents.get(p)?.parentId ?? null) if (p === id) throw new HttpError(400, "Cannot move a page below itself");
  const moveTree = (node: Content) => {
    store.titles.get(node.spaceId)?.delete(node.title);
    node.spaceId = targetSpace;
    store.titles.get(targetSpace)?.add(node.title);
    for (const k of store.contentList) if (k.parentId === node.id) moveTree(k);
  };
  c.parentId = parentId;
  if (c.spaceId !== targetSpace) moveTree(c);
  c.modifiedAt = Math.max(Date.now(), c.modifiedAt + 1);
  store.record({
    summary: "Content moved",
    category: "Content",
    objectName: c.title,
    objectType: c.type,
    authorId: store.adminUser().accountId,
    description: `parent ${parentId}`,
  });
  return c;
}

export function setStatus(store: Store, id: number, status: "trashed" | "current" | "archived"): Content {
  const c = getContent(store, id);
  c.status = status;
  c.modifiedAt = Math.max(Date.now(), c.modifiedAt + 1);
  store.record({
    summary: status === "trashed" ? "Content trashed" : status === "archived" ? "Content archived" : "Content restored",
    category: "Content",
    objectName: c.title,
    objectType: c.type,
    authorId: store.adminUser().accountId,
    description: `id ${id}`,
  });
  return c;
}

export function purgeContent(store: Store, id: number): void {
  const c = getContent(store, id);
  for (const k of store.contentList) if (k.parentId === id) k.parentId = c.parentId;
  store.removeContent(id);
  store.record({
    summary: "Content purged",
    category: "Content",
    objectName: c.title,
    objectType: c.type,
    authorId: store.adminUser().accountId,
    description: `id ${id}`,
  });
}

export function addComment(
  store: Store,
  containerId: number,
  input: { body?: string; kind?: "footer" | "inline"; authorId?: string; parentCommentId?: number | string; selection?: string },
): Comment {
  const c = getContent(store, containerId);
  const now = Date.now();
  const comment: Comment = {
    id: store.nextId(),
    kind: input.kind ?? "footer",
    containerId: c.id,
    parentCommentId: input.parentCommentId != null ? Number(input.parentCommentId) : null,
    authorId: input.authorId ?? store.adminUser().accountId,
    createdAt: now,
    modifiedAt: now,
    version: 1,
    status: "current",
    body: input.body ?? "<p>New comment</p>",
    resolutionStatus: "open",
    selection: input.selection ?? "",
  };
  store.addComment(comment);
  store.record({
    summary: "Comment added",
    category: "Content",
    objectName: c.title,
    objectType: "comment",
    authorId: comment.authorId,
    description: `comment ${comment.id}`,
  });
  return comment;
}

export function addAttachment(
  store: Store,
  containerId: number,
  input: { fileName: string; mediaType?: string; bytes: Uint8Array; authorId?: string; comment?: string },
): Attachment {
  const c = getContent(store, containerId);
  if (!input.fileName) throw new HttpError(400, "fileName is required");
  const now = Date.now();
  const existing = (store.attachmentsByContainer.get(c.id) ?? []).find((a) => a.fileName === input.fileName);
  if (existing) {
    existing.bytes = input.bytes;
    existing.size = input.bytes.length;
    existing.version += 1;
    existing.modifiedAt = now;
    existing.kind = "upload";
    existing.mediaType = input.mediaType ?? existing.mediaType;
    store.record({
      summary: "Attachment updated",
      category: "Content",
      objectName: input.fileName,
      objectType: "attachment",
      authorId: store.adminUser().accountId,
      description: `attachment ${existing.id}`,
    });
    return existing;
  }
  const a: Attachment = {
    id: store.nextId(),
    containerId: c.id,
    fileName: input.fileName,
    mediaType: input.mediaType ?? "application/octet-stream",
    kind: "upload",
    createdAt: now,
    modifiedAt: now,
    version: 1,
    status: "current",
    fileId: randomUUID(),
    comment: input.comment ?? "",
    authorId: input.authorId ?? store.adminUser().accountId,
    bytes: input.bytes,
    size: input.bytes.length,
  };
  store.addAttachment(a);
  store.record({
    summary: "Attachment added",
    category: "Content",
    objectName: a.fileName,
    objectType: "attachment",
    authorId: a.authorId,
    description: `attachment ${a.id}`,
  });
  return a;
}

export function grantSpacePermission(
  store: Store,
  spaceId: number,
  principalType: PrincipalType,
  principalId: string | null,
  operations?: [string, string][],
): void {
  const space = need(store.spaces.get(spaceId), "Space");
  grantSpace(store, space, principalType, principalId, operations);
  store.record({
    summary: "Space permission added",
    category: "Permissions",
    objectName: space.name,
    objectType: "Space",
    authorId: store.adminUser().accountId,
    description: `${principalType} ${principalId ?? ""}`,
  });
}

export function revokeSpacePermission(
  store: Store,
  spaceId: number,
  filter: { permissionId?: string; principalType?: PrincipalType; principalId?: string | null },
): number {
  const space = need(store.spaces.get(spaceId), "Space");
  const before = space.permissions.length;
  space.permissions = space.permissions.filter((p) =>
    filter.permissionId
      ? p.id !== filter.permissionId
      : !(p.principalType === filter.principalType && (filter.principalType === "anonymous" || p.principalId === filter.principalId)),
  );
  const removed = before - space.permissions.length;
  store.record({
    summary: "Space permission removed",
    category: "Permissions",
    objectName: space.name,
    objectType: "Space",
    authorId: store.adminUser().accountId,
    description: JSON.stringify(filter),
  });
  return removed;
}

export function setRestriction(store: Store, id: number, r: Restriction | null): Content {
  const c = getContent(store, id);
  c.readRestriction = r && (r.users.length || r.groups.length) ? { users: [...r.users], groups: [...r.groups] } : null;
  store.record({
    summary: c.readRestriction ? "Content restriction added" : "Content restriction removed",
    category: "Permissions",
    objectName: c.title,
    objectType: c.type,
    authorId: store.adminUser().accountId,
    description: JSON.stringify(c.readRestriction),
  });
  return c;
}

export function setMembership(store: Store, groupId: string, accountId: string, member: boolean): void {
  const g = need(store.groups.get(groupId) ?? [...store.groups.values()].find((x) => x.name === groupId), "Group");
  need(store.users.get(accountId), "User");
  if (member) g.members.add(accountId);
  else g.members.delete(accountId);
  store.record({
    summary: member ? "User added to group" : "User removed from group",
    category: "Users and groups",
    objectName: g.name,
    objectType: "Group",
    authorId: store.adminUser().accountId,
    description: accountId,
  });
}

export function createUser(
  store: Store,
  input: { displayName?: string; email: string; apiToken?: string; emailVisible?: boolean; groups?: string[]; accountId?: string },
): User {
  if (!input.email) throw new HttpError(400, "email is required");
  if (store.userByEmail.has(input.email.toLowerCase())) throw new HttpError(409, "A user with this email exists");
  const u: User = {
    accountId: input.accountId ?? `712020:${randomUUID()}`,
    displayName: input.displayName ?? input.email.split("@")[0],
    email: input.email,
    emailVisible: input.emailVisible ?? true,
    apiToken: input.apiToken ?? `sim-${randomUUID()}`,
    isAdmin: false,
    timeZone: "UTC",
    accountType: "atlassian",
  };
  store.addUser(u);
  for (const g of input.groups ?? []) setMembership(store, g, u.accountId, true);
  store.record({
    summary: "User created",
    category: "Users and groups",
    objectName: u.displayName,
    objectType: "User",
    authorId: store.adminUser().accountId,
    description: u.accountId,
  });
  return u;
}

export function createGroup(store: Store, name: string): { id: string; name: string } {
  if ([...store.groups.values()].some((g) => g.name === name)) throw new HttpError(409, "Group exists");
  const g = { id: randomUUID(), name, members: new Set<string>() };
  store.groups.set(g.id, g);
  store.record({
    summary: "Group created",
    category: "Users and groups",
    objectName: name,
    objectType: "Group",
    authorId: store.adminUser().accountId,
    description: g.id,
  });
  return { id: g.id, name };
}
