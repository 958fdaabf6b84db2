import type { DcIdentity } from "../../dc/directory";
import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import type { Content, Group } from "../../store/types";
import { dcRoute, readablePage, type DcRouteDef } from "./common";
import { dcAncestors } from "./json";
import { startLimit } from "./paging";
import { baseUrl, dc, dcGroupJson, dcUserJson } from "./people-json";

/**
 * Read restrictions. `byOperation/read` names only the restrictions set on the content itself
 * (inherited ones are not listed: CONFSERVER-45609), so older versions walk the ancestors;
 * `relevantViewRestrictions` (9.0+) returns every layer that applies in one call: the content's
 * own and each restricted ancestor's, nearest first, each naming the content it sits on.
 */
function subjects(ctx: Ctx, c: Content) {
  const store = ctx.sim.store;
  const dir = dc(ctx.sim).directory;
  const r = c.readRestriction;
  const users = (r?.users ?? []).map((id) => dir.byAccountId(id)).filter((x): x is DcIdentity => !!x);
  const groups = (r?.groups ?? []).map((id) => store.groups.get(id)).filter((g): g is Group => !!g);
  return { users, groups };
}

function restrictionJson(ctx: Ctx, c: Content, operation: "read" | "update") {
  const { start, requested } = startLimit(ctx.query, 200);
  const limit = Math.min(requested, 200);
  const { users, groups } = operation === "read" ? subjects(ctx, c) : { users: [], groups: [] };
  const u = users.slice(start, start + limit);
  const g = groups.slice(start, start + limit);
  return {
    operation,
    restrictions: {
      user: { results: u.map((id) => dcUserJson(ctx.sim, id)), start, limit, size: u.length },
      group: { results: g.map((x) => dcGroupJson(ctx.sim, x)), start, limit, size: g.length },
    },
    _links: { self: `${baseUrl(ctx.sim)}/rest/api/content/${c.id}/restriction/byOperation/${operation}` },
    _expandable: { content: `/rest/api/content/${c.id}` },
  };
}

/** A restriction read fault set through `PUT /__admin/faults/restrictions` (403, 404, 503...) applies here too. */
function restrictionFault(ctx: Ctx, raw: string): void {
  const status = ctx.sim.restrictionFaults.get(raw);
  if (status === 403) throw new HttpError(403, `You are not permitted to view the restrictions of content ${raw}`);
  if (status) throw new HttpError(status, `Restrictions of content ${raw} are not available`);
}

const hasRead = (c: Content) => !!c.readRestriction && c.readRestriction.users.length + c.readRestriction.groups.length > 0;

function relevant(ctx: Ctx) {
  restrictionFault(ctx, ctx.params.id);
  const c = readablePage(ctx, ctx.params.id);
  const layers = [c, ...dcAncestors(ctx.sim.store, c).reverse()].filter(hasRead);
  const results = layers.map((layer) => ({
    ...restrictionJson(ctx, layer, "read"),
    content: { id: String(layer.id), type: layer.type, status: layer.status, title: layer.title },
  }));
  const points = results.reduce((n, r) => n + 2 * (r.restrictions.user.size + r.restrictions.group.size), 0);
  return {
    json: {
      results,
      start: 0,
      limit: results.length,
      size: results.length,
      _links: { self: `${baseUrl(ctx.sim)}${ctx.path}`, base: baseUrl(ctx.sim), context: dc(ctx.sim).config.contextPath },
    },
    points,
  };
}

export const dcRestrictionRoutes: DcRouteDef[] = [
  dcRoute("GET", "/rest/api/content/{id}/restriction/relevantViewRestrictions", relevant, { since: "relevantViewRestrictions" }),
  dcRoute("GET", "/rest/api/content/{id}/restriction/byOperation/{op}", (ctx) => {
    const op = ctx.params.op;
    if (op !== "read" && op !== "update") throw new HttpError(400, `Unknown operation key: ${op}`);
    restrictionFault(ctx, ctx.params.id);
    const json = restrictionJson(ctx, readablePage(ctx, ctx.params.id), op);
    return { json, points: 2 * (json.restrictions.user.size + json.restrictions.group.size) };
  }),
  dcRoute("GET", "/rest/api/content/{id}/restriction/byOperation", (ctx) => {
    restrictionFault(ctx, ctx.params.id);
    const c = readablePage(ctx, ctx.params.id);
    return {
      json: {
        read: restrictionJson(ctx, c, "read"),
        update: restrictionJson(ctx, c, "update"),
        _links: { base: baseUrl(ctx.sim), context: dc(ctx.sim).config.contextPath },
      },
    };
  }),
];
