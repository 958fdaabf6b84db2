import type { Ctx, RouteDef } from "../../http/router";
import type { Comment } from "../../store/types";
import { SCOPES, V2, bodyFormat, filterIter, listReply, notFound, numericId, oneOf, visibleContent } from "./common";
import { commentJson } from "./serialize";

/** Footer and inline comments, globally and per page / blog post. */
const SORTS = ["created-date", "-created-date", "modified-date", "-modified-date"] as const;

function commentSort(ctx: Ctx) {
  const s = oneOf(ctx.query, "sort", SORTS, null);
  if (!s) return { key: (c: Comment) => c.id, desc: false, presorted: true };
  const desc = s.startsWith("-");
  return { key: s.includes("created") ? (c: Comment) => c.createdAt : (c: Comment) => c.modifiedAt, desc, presorted: false };
}

function list(ctx: Ctx, kind: Comment["kind"], containerType: "page" | "blogpost" | null) {
  const format = bodyFormat(ctx.query);
  const sort = commentSort(ctx);
  const store = ctx.sim.store;
  let source: Iterable<Comment>;
  if (containerType) {
    const c = visibleContent(ctx, numericId(ctx.params.id), containerType);
    source = store.commentsByContainer.get(c.id) ?? [];
  } else source = store.commentList;
  const pred = (c: Comment) => c.kind === kind && c.status === "current" && ctx.access.canReadContainer(c.containerId);
  return listReply(ctx, filterIter(source, pred), { ...sort, id: (c) => c.id }, (c) => commentJson(ctx.sim, c, format));
}

function single(ctx: Ctx, kind: Comment["kind"]) {
  const c = ctx.sim.store.comments.get(numericId(ctx.params.id));
  if (!c || c.kind !== kind || !ctx.access.canReadContainer(c.containerId)) notFound();
  const json = commentJson(ctx.sim, c, bodyFormat(ctx.query, true));
  return { json, points: 1 };
}

function children(ctx: Ctx, kind: Comment["kind"]) {
  const parent = ctx.sim.store.comments.get(numericId(ctx.params.id));
  if (!parent || parent.kind !== kind || !ctx.access.canReadContainer(parent.containerId)) notFound();
  const format = bodyFormat(ctx.query);
  const kids = (ctx.sim.store.commentsByContainer.get(parent.containerId) ?? []).filter((c) => c.parentCommentId === parent.id);
  return listReply(ctx, kids, { key: (c) => c.id, id: (c) => c.id, presorted: true }, (c) => commentJson(ctx.sim, c, format));
}

export const commentRoutes: RouteDef[] = [
  { method: "GET", pattern: `${V2}/footer-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "footer", null) },
  { method: "GET", pattern: `${V2}/inline-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "inline", null) },
  { method: "GET", pattern: `${V2}/pages/{id}/footer-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "footer", "page") },
  { method: "GET", pattern: `${V2}/pages/{id}/inline-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "inline", "page") },
  { method: "GET", pattern: `${V2}/blogposts/{id}/footer-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "footer", "blogpost") },
  { method: "GET", pattern: `${V2}/blogposts/{id}/inline-comments`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => list(ctx, "inline", "blogpost") },
  { method: "GET", pattern: `${V2}/footer-comments/{id}`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => single(ctx, "footer") },
  { method: "GET", pattern: `${V2}/inline-comments/{id}`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => single(ctx, "inline") },
  { method: "GET", pattern: `${V2}/footer-comments/{id}/children`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => children(ctx, "footer") },
  { method: "GET", pattern: `${V2}/inline-comments/{id}/children`, flavor: "v2", scopes: SCOPES.comment, handler: (ctx) => children(ctx, "inline") },
];
