import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Space } from "../../store/types";
import { SCOPES, V2, filterIter, listReply, multi, notFound, numericId, oneOf } from "./common";
import { SPACE_ROLES } from "../../store/roles";
import { permissionJson, spaceJson } from "./serialize";

/** Spaces and space permissions. */
const SPACE_SORTS = ["id", "-id", "key", "-key", "name", "-name"] as const;

function listSpaces(ctx: Ctx) {
  const q = ctx.query;
  const ids = new Set(multi(q, "ids").map((v) => numericId(v, "ids")));
  const keys = new Set(multi(q, "keys"));
  if (ids.size > 250 || keys.size > 250) throw new HttpError(400, "Too many values");
  const type = oneOf(q, "type", ["global", "collaboration", "knowledge_base", "personal"], null);
  const status = oneOf(q, "status", ["current", "archived"], null);
  const sort = oneOf(q, "sort", SPACE_SORTS, "id") ?? "id";
  const descFormat = oneOf(q, "description-format", ["plain", "view"], null);
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  const key = field === "key" ? (s: Space) => s.key : field === "name" ? (s: Space) => s.name : (s: Space) => s.id;
  const pred = (s: Space) =>
    (ids.size === 0 || ids.has(s.id)) &&
    (keys.size === 0 || keys.has(s.key)) &&
    (!type || s.type === type) &&
    (!status || s.status === status) &&
    ctx.access.canReadSpace(s);
  return listReply(ctx, filterIter(ctx.sim.store.spaces.values(), pred), { key, desc, id: (s) => s.id, presorted: field === "id" }, (s) =>
    spaceJson(ctx.sim, s, descFormat),
  );
}

function readableSpace(ctx: Ctx): Space {
  const s = ctx.sim.store.spaces.get(numericId(ctx.params.id));
  if (!s || !ctx.access.canReadSpace(s)) notFound();
  return s;
}

export const spaceRoutes: RouteDef[] = [
  { method: "GET", pattern: `${V2}/spaces`, flavor: "v2", scopes: SCOPES.space, handler: listSpaces },
  {
    method: "GET",
    pattern: `${V2}/spaces/{id}`,
    flavor: "v2",
    scopes: SCOPES.space,
    handler: (ctx) => {
      const s = readableSpace(ctx);
      const json = spaceJson(ctx.sim, s, oneOf(ctx.query, "description-format", ["plain", "view"], null));
      (json._links as Record<string, string>).base = `${ctx.sim.url}/wiki`;
      return { json, points: 1 };
    },
  },
  {
    method: "GET",
    pattern: `${V2}/spaces/{id}/permissions`,
    flavor: "v2",
    scopes: SCOPES.spacePermission,
    handler: (ctx) => {
      const s = readableSpace(ctx);
      const perms = s.permissions.map((p, i) => ({ p, i }));
      return listReply(ctx, perms, { key: (x) => x.i, id: (x) => x.i, presorted: true }, (x) => permissionJson(x.p), 2);
    },
  },
  {
    // Who holds which role in the space; a grant to a role (principal type "role") applies to its holders.
    method: "GET",
    pattern: `${V2}/spaces/{id}/role-assignments`,
    flavor: "v2",
    scopes: SCOPES.spacePermission,
    handler: (ctx) => {
      const s = readableSpace(ctx);
      const roleId = ctx.query.get("role-id");
      const rows = (s.roleAssignments ?? []).map((a, i) => ({ a, i })).filter((x) => !roleId || x.a.roleId === roleId);
      return listReply(
        ctx,
        rows,
        { key: (x) => x.i, id: (x) => x.i, presorted: true },
        (x) => ({ principal: { principalType: x.a.principalType.toUpperCase(), principalId: x.a.principalId }, roleId: x.a.roleId }),
        2,
      );
    },
  },
  {
    method: "GET",
    pattern: `${V2}/space-roles`,
    flavor: "v2",
    scopes: SCOPES.spacePermission,
    handler: (ctx) =>
      listReply(
        ctx,
        SPACE_ROLES.map((r, i) => ({ r, i })),
        { key: (x) => x.i, id: (x) => x.i, presorted: true },
        (x) => x.r,
      ),
  },
];
