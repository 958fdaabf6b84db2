import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Content } from "../../store/types";
import { SCOPES, V2, bodyFormat, contentSort, filterIter, listReply, multi, notFound, numericId, oneOf, statuses, visibleContent } from "./common";
import { contentJson } from "./serialize";

/** Pages, blog posts, folders, ancestors and children. */
const PAGE_SORTS = ["id", "-id", "created-date", "-created-date", "modified-date", "-modified-date", "title", "-title"] as const;
const BLOG_SORTS = ["id", "-id", "created-date", "-created-date", "modified-date", "-modified-date"] as const;
const PAGE_STATUSES = ["current", "archived", "deleted", "trashed"] as const;
const BLOG_STATUSES = ["current", "deleted", "trashed"] as const;

function listContent(ctx: Ctx, type: "page" | "blogpost", spaceId: number | null) {
  const q = ctx.query;
  const isPage = type === "page";
  const status = statuses(q, isPage ? PAGE_STATUSES : BLOG_STATUSES, isPage ? ["current", "archived"] : ["current"]);
  const sort = contentSort(q, isPage ? PAGE_SORTS : BLOG_SORTS);
  const format = bodyFormat(q);
  const ids = new Set(multi(q, "id").map((v) => numericId(v)));
  const spaceIds = new Set(multi(q, "space-id").map((v) => numericId(v, "space-id")));
  if (ids.size > 250) throw new HttpError(400, "Too many ids");
  const title = q.get("title");
  const rootOnly = spaceId !== null && oneOf(q, "depth", ["all", "root"], "all") === "root";
  const store = ctx.sim.store;
  const pred = (c: Content) =>
    c.type === type &&
    status.has(c.status) &&
    (spaceId === null || c.spaceId === spaceId) &&
    (ids.size === 0 || ids.has(c.id)) &&
    (spaceIds.size === 0 || spaceIds.has(c.spaceId)) &&
    (title === null || c.title === title) &&
    (!rootOnly || c.parentId === null || store.contents.get(c.parentId)?.type !== "page" || c.id === store.spaces.get(c.spaceId)?.homepageId) &&
    ctx.access.canReadContent(c);
  return listReply(ctx, filterIter(store.contentList, pred), { key: sort.key, desc: sort.desc, presorted: sort.presorted, id: (c) => c.id }, (c) =>
    contentJson(ctx.sim, c, format),
  );
}

function getContent(ctx: Ctx, type: "page" | "blogpost") {
  const id = numericId(ctx.params.id);
  const c = ctx.sim.store.contents.get(id);
  if (!c || c.type !== type || !ctx.access.canReadContent(c)) notFound();
  const allowed = ["current", "archived", "trashed", "deleted", "historical", "draft"];
  const wanted = statuses(ctx.query, allowed, ["current", "archived"]);
  if (!wanted.has(c.status)) notFound();
  const vRaw = ctx.query.get("version");
  let version = c.version;
  if (vRaw !== null) {
    version = numericId(vRaw, "version");
    if (version < 1 || version > c.version) notFound();
  }
  const json = contentJson(ctx.sim, c, bodyFormat(ctx.query, true) ?? null, version);
  if (ctx.query.get("include-labels") === "true") {
    const labels = c.labels.map((id) => ctx.sim.store.labels.get(id)).filter((l) => l !== undefined);
    json.labels = { results: labels.map((l) => ({ id: String(l.id), name: l.name, prefix: l.prefix })), meta: { hasMore: false }, _links: {} };
  }
  (json._links as Record<string, string>).base = `${ctx.sim.url}/wiki`;
  return { json, points: 1 };
}

function spaceScoped(ctx: Ctx): number {
  const sid = numericId(ctx.params.id);
  const space = ctx.sim.store.spaces.get(sid);
  if (!space || !ctx.access.canReadSpace(space)) notFound();
  return sid;
}

function ancestors(ctx: Ctx, type: Content["type"]) {
  const c = visibleContent(ctx, numericId(ctx.params.id), type);
  const chain = ctx.sim.store.ancestors(c).filter((a) => ctx.access.canReadContent(a));
  return listReply(ctx, chain, { key: () => 0, id: (a) => chain.indexOf(a), presorted: true }, (a) => ({ id: String(a.id), type: a.type }));
}

function versions(ctx: Ctx, type: Content["type"]) {
  const c = visibleContent(ctx, numericId(ctx.params.id), type);
  const nums = Array.from({ length: c.version }, (_, i) => c.version - i);
  return listReply(ctx, nums, { key: (n) => n, id: () => 0, desc: true }, (n) => contentJson(ctx.sim, c, null, n).version);
}

export const contentRoutes: RouteDef[] = [
  { method: "GET", pattern: `${V2}/pages`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => listContent(ctx, "page", null) },
  { method: "GET", pattern: `${V2}/pages/{id}`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => getContent(ctx, "page") },
  { method: "GET", pattern: `${V2}/spaces/{id}/pages`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => listContent(ctx, "page", spaceScoped(ctx)) },
  { method: "GET", pattern: `${V2}/blogposts`, flavor: "v2", scopes: SCOPES.blogpost, handler: (ctx) => listContent(ctx, "blogpost", null) },
  { method: "GET", pattern: `${V2}/blogposts/{id}`, flavor: "v2", scopes: SCOPES.blogpost, handler: (ctx) => getContent(ctx, "blogpost") },
  {
    method: "GET",
    pattern: `${V2}/spaces/{id}/blogposts`,
    flavor: "v2",
    scopes: SCOPES.blogpost,
    handler: (ctx) => listContent(ctx, "blogpost", spaceScoped(ctx)),
  },
  { method: "GET", pattern: `${V2}/pages/{id}/ancestors`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => ancestors(ctx, "page") },
  { method: "GET", pattern: `${V2}/folders/{id}/ancestors`, flavor: "v2", scopes: SCOPES.folder, handler: (ctx) => ancestors(ctx, "folder") },
  { method: "GET", pattern: `${V2}/pages/{id}/versions`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => versions(ctx, "page") },
  { method: "GET", pattern: `${V2}/blogposts/{id}/versions`, flavor: "v2", scopes: SCOPES.blogpost, handler: (ctx) => versions(ctx, "blogpost") },
  {
    method: "GET",
    pattern: `${V2}/folders/{id}`,
    flavor: "v2",
    scopes: SCOPES.folder,
    handler: (ctx) => {
      const c = visibleContent(ctx, numericId(ctx.params.id), "folder");
      const json = contentJson(ctx.sim, c, null);
      (json._links as Record<string, string>).base = `${ctx.sim.url}/wiki`;
      return { json, points: 1 };
    },
  },
  {
    method: "GET",
    pattern: `${V2}/pages/{id}/children`,
    flavor: "v2",
    scopes: SCOPES.page,
    handler: (ctx) => {
      const parent = visibleContent(ctx, numericId(ctx.params.id), "page");
      const kids = filterIter(
        ctx.sim.store.contentList,
        (c) => c.parentId === parent.id && c.type === "page" && (c.status === "current" || c.status === "archived") && ctx.access.canReadContent(c),
      );
      return listReply(ctx, kids, { key: (c) => c.id, id: (c) => c.id, presorted: true }, (c) => ({
        id: String(c.id),
        status: c.status,
        title: c.title,
        spaceId: String(c.spaceId),
        childPosition: c.position,
      }));
    },
  },
];
