import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Label } from "../../store/types";
import { SCOPES, V2, listReply, multi, numericId, oneOf, visibleContent } from "./common";
import { userJson } from "./serialize";

/** Labels and users-bulk. */
const labelJson = (l: Label) => ({ id: String(l.id), name: l.name, prefix: l.prefix });

function contentLabels(ctx: Ctx, type: "page" | "blogpost") {
  const c = visibleContent(ctx, numericId(ctx.params.id), type);
  const prefix = oneOf(ctx.query, "prefix", ["my", "team", "global", "system"], null);
  const labels = c.labels.map((id) => ctx.sim.store.labels.get(id)!).filter((l) => l && (!prefix || l.prefix === prefix));
  return listReply(ctx, labels, { key: (l) => l.id, id: (l) => l.id }, labelJson);
}

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
