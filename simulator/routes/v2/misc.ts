import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Content, Label } from "../../store/types";
import { SCOPES, V2, bodyFormat, contentSort, filterIter, listReply, multi, notFound, numericId, oneOf, visibleContent } from "./common";
import { contentJson, userJson } from "./serialize";

/** Labels, the content carrying a label, and users-bulk. */
const labelJson = (l: Label) => ({ id: String(l.id), name: l.name, prefix: l.prefix });

function contentLabels(ctx: Ctx, type: "page" | "blogpost") {
  const c = visibleContent(ctx, numericId(ctx.params.id), type);
  const prefix = oneOf(ctx.query, "prefix", ["my", "team", "global", "system"], null);
  const labels = c.labels.map((id) => ctx.sim.store.labels.get(id)!).filter((l) => l && (!prefix || l.prefix === prefix));
  return listReply(ctx, labels, { key: (l) => l.id, id: (l) => l.id }, labelJson);
}

const LABELLED_SORTS = {
  page: ["id", "-id", "created-date", "-created-date", "modified-date", "-modified-date", "title", "-title"],
  blogpost: ["id", "-id", "created-date", "-created-date", "modified-date", "-modified-date"],
} as const;
// The spec has no status parameter here; we answer with what /pages and /blogposts list by default.
const LABELLED_STATUSES = { page: ["current", "archived"], blogpost: ["current"] } as const;

/** `/labels/{id}/pages` and `/labels/{id}/blogposts`: the readable content of one type carrying the label. */
function labelledContent(ctx: Ctx, type: "page" | "blogpost") {
  const label = ctx.sim.store.labels.get(numericId(ctx.params.id));
  if (!label) notFound();
  const spaceIds = new Set(multi(ctx.query, "space-id").map((v) => numericId(v, "space-id")));
  if (spaceIds.size > 100) throw new HttpError(400, "Too many space ids");
  const sort = contentSort(ctx.query, LABELLED_SORTS[type]);
  const format = bodyFormat(ctx.query);
  const statuses: readonly string[] = LABELLED_STATUSES[type];
  const pred = (c: Content) =>
    c.type === type &&
    statuses.includes(c.status) &&
    c.labels.includes(label.id) &&
    (spaceIds.size === 0 || spaceIds.has(c.spaceId)) &&
    ctx.access.canReadContent(c);
  return listReply(ctx, filterIter(ctx.sim.store.contentList, pred), { key: sort.key, desc: sort.desc, presorted: sort.presorted, id: (c) => c.id }, (c) =>
    contentJson(ctx.sim, c, format),
  );
}

// Both label lists ask for read:page:confluence in the spec (blog posts included).
export const miscRoutes: RouteDef[] = [
  { method: "GET", pattern: `${V2}/pages/{id}/labels`, flavor: "v2", scopes: SCOPES.label, handler: (ctx) => contentLabels(ctx, "page") },
  { method: "GET", pattern: `${V2}/blogposts/{id}/labels`, flavor: "v2", scopes: SCOPES.label, handler: (ctx) => contentLabels(ctx, "blogpost") },
  {
    method: "GET",
    pattern: `${V2}/labels`,
    flavor: "v2",
    scopes: SCOPES.label,
    handler: (ctx) => {
      const ids = new Set(multi(ctx.query, "label-id").map((v) => numericId(v, "label-id")));
      const prefixes = new Set(multi(ctx.query, "prefix"));
      const labels = [...ctx.sim.store.labels.values()].filter((l) => (ids.size === 0 || ids.has(l.id)) && (prefixes.size === 0 || prefixes.has(l.prefix)));
      return listReply(ctx, labels, { key: (l) => l.id, id: (l) => l.id }, labelJson);
    },
  },
  { method: "GET", pattern: `${V2}/labels/{id}/pages`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => labelledContent(ctx, "page") },
  { method: "GET", pattern: `${V2}/labels/{id}/blogposts`, flavor: "v2", scopes: SCOPES.page, handler: (ctx) => labelledContent(ctx, "blogpost") },
  {
    method: "POST",
    pattern: `${V2}/users-bulk`,
    flavor: "v2",
    scopes: SCOPES.user,
    handler: (ctx) => {
      const body = ctx.body as { accountIds?: unknown } | null;
      const ids = body?.accountIds;
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 250 || !ids.every((x) => typeof x === "string"))
        throw new HttpError(400, "accountIds must be an array of 1..250 account ids");
      const users = (ids as string[]).map((id) => ctx.sim.store.users.get(id)).filter((u) => u !== undefined);
      return { json: { results: users.map((u) => userJson(ctx.sim, u)), _links: { base: `${ctx.sim.url}/wiki` } }, points: users.length * 2 };
    },
  },
];
