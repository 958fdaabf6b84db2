import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import type { Space, SpacePermission } from "../../store/types";
import { dcRoute, multiParam, type DcRouteDef } from "./common";
import { dcSpaceJson, parseExpand } from "./json";
import { limitCap, offsetPage } from "./paging";
import { dc } from "./people-json";

/** Spaces, and (9.1+) a space's permissions, which only Confluence administrators may read. */
function visibleSpace(ctx: Ctx): Space {
  const s = ctx.sim.store.spaceByKey.get(ctx.params.spaceKey);
  if (!s || !ctx.access.canReadSpace(s)) throw new HttpError(404, `No space with key : ${ctx.params.spaceKey}`);
  return s;
}

function listSpaces(ctx: Ctx) {
  const q = ctx.query;
  const keys = new Set(multiParam(q, "spaceKey"));
  const type = q.get("type");
  const status = q.get("status");
  if (type && type !== "global" && type !== "personal") throw new HttpError(400, `Invalid space type: ${type}`);
  if (status && status !== "current" && status !== "archived") throw new HttpError(400, `Invalid space status: ${status}`);
  const expand = parseExpand(q);
  const items = [...ctx.sim.store.spaces.values()]
    .filter((s) => (keys.size === 0 || keys.has(s.key)) && (!type || s.type === type) && (!status || s.status === status) && ctx.access.canReadSpace(s))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return offsetPage(ctx, items, (s) => dcSpaceJson(ctx.sim, s, expand), { cap: Math.min(500, limitCap(expand)) });
}

/** Subjects as Data Center 9.1 names them (CONFSERVER-100505): groups by name, users by user key only. */
function subjectOf(ctx: Ctx, p: SpacePermission): Record<string, unknown> | null {
  const store = ctx.sim.store;
  if (p.principalType === "anonymous") return { type: "anonymous" };
  if (p.principalType === "group") {
    const g = p.principalId ? store.groups.get(p.principalId) : undefined;
    return g ? { type: "group", name: g.name } : null;
  }
  if (p.principalType === "user") {
    const who = p.principalId ? dc(ctx.sim).directory.byAccountId(p.principalId) : undefined;
    return who ? { type: "user", userKey: who.userKey } : null;
  }
  return null;
}

interface RoleHolder {
  principalType: string;
  principalId: string;
  roleId: string;
}

/**
 * Data Center has no space roles: a grant to a Cloud role becomes the same grant to each holder
 * of the role (group, user, or anonymous access), so the same people may read. The Cloud access
 * class "all licensed users" has no Data Center subject and is left out.
 */
function grants(s: Space): SpacePermission[] {
  const holders = (s as { roleAssignments?: RoleHolder[] }).roleAssignments ?? [];
  const kinds: Record<string, SpacePermission["principalType"]> = { group: "group", user: "user" };
  return s.permissions.flatMap((p): SpacePermission[] => {
    if ((p.principalType as string) !== "role") return [p];
    return holders
      .filter((h) => h.roleId === p.principalId && (kinds[h.principalType] || h.principalId === "ANONYMOUS_ACCESS"))
      .map((h) => ({ ...p, principalType: kinds[h.principalType] ?? "anonymous", principalId: kinds[h.principalType] ? h.principalId : null }));
  });
}

function spacePermissions(ctx: Ctx, only?: "anonymous") {
  const s = visibleSpace(ctx);
  if (!ctx.access.isAdmin) throw new HttpError(403, "Only Confluence administrators can view the permissions of a space");
  const seen = new Set<string>();
  const json = grants(s)
    .filter((p) => !only || p.principalType === only)
    .map((p) => {
      const subject = subjectOf(ctx, p);
      return subject ? { operation: { targetType: p.targetType, operationKey: p.operation }, subject, spaceKey: s.key, spaceId: s.id } : null;
    })
    .filter((x) => x !== null)
    .filter((x) => {
      const key = JSON.stringify([x.operation, x.subject]);
      return !seen.has(key) && !!seen.add(key);
    });
  return { json, points: json.length * 2 };
}

export const dcSpaceRoutes: DcRouteDef[] = [
  dcRoute("GET", "/rest/api/space", listSpaces),
  dcRoute("GET", "/rest/api/space/{spaceKey}/permissions/anonymous", (ctx) => spacePermissions(ctx, "anonymous"), { since: "spacePermissions" }),
  dcRoute("GET", "/rest/api/space/{spaceKey}/permissions", (ctx) => spacePermissions(ctx), { since: "spacePermissions" }),
  dcRoute("GET", "/rest/api/space/{spaceKey}", (ctx) => {
    const json = dcSpaceJson(ctx.sim, visibleSpace(ctx), parseExpand(ctx.query));
    return { json, points: 1 };
  }),
];
