import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Group, User } from "../../store/types";
import { SCOPES } from "../v2/common";
import { v1Group, v1User } from "./v1json";

/** v1 groups, group members, users and email lookup. */
function offsetPage<T>(ctx: Ctx, items: T[], map: (t: T) => unknown, defLimit = 200) {
  const start = Math.max(0, Number(ctx.query.get("start") ?? 0) || 0);
  const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? defLimit) || defLimit));
  const page = items.slice(start, start + limit);
  const links: Record<string, string> = { base: `${ctx.sim.url}/wiki`, context: "/wiki", self: `${ctx.sim.url}${ctx.path}` };
  if (start + limit < items.length) {
    const p = new URLSearchParams(ctx.query);
    p.set("start", String(start + limit));
    p.set("limit", String(limit));
    links.next = `${ctx.path.replace(/^\/wiki/, "")}?${p.toString()}`;
  }
  return { json: { results: page.map(map), start, limit, size: page.length, totalSize: items.length, _links: links }, points: page.length * 2 };
}

function groupByParam(ctx: Ctx): Group {
  const id = ctx.params.groupId ?? ctx.query.get("id");
  const name = ctx.query.get("name") ?? ctx.params.groupName;
  const g = [...ctx.sim.store.groups.values()].find((x) => (id && x.id === id) || (name && x.name === name));
  if (!g) throw new HttpError(404, `Group not found`);
  return g;
}

function members(ctx: Ctx) {
  const g = groupByParam(ctx);
  const users = [...g.members].map((id) => ctx.sim.store.users.get(id)).filter((u): u is User => !!u);
  return offsetPage(ctx, users, (u) => v1User(ctx.sim, u));
}

function userByAccountId(ctx: Ctx): User {
  const id = ctx.query.get("accountId");
  if (!id) throw new HttpError(400, "accountId is required");
  const u = ctx.sim.store.users.get(id);
  if (!u) throw new HttpError(404, `No user found with accountId ${id}`);
  return u;
}

export const peopleRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/wiki/rest/api/group",
    flavor: "v1",
    scopes: SCOPES.group,
    handler: (ctx) => offsetPage(ctx, [...ctx.sim.store.groups.values()], (g) => v1Group(ctx.sim, g)),
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/group/by-id",
    flavor: "v1",
    scopes: SCOPES.group,
    handler: (ctx) => ({ json: v1Group(ctx.sim, groupByParam(ctx)), points: 2 }),
  },
  { method: "GET", pattern: "/wiki/rest/api/group/member", flavor: "v1", scopes: SCOPES.group, handler: members },
  { method: "GET", pattern: "/wiki/rest/api/group/{groupId}/membersByGroupId", flavor: "v1", scopes: SCOPES.group, handler: members },
  {
    method: "GET",
    pattern: "/wiki/rest/api/user",
    flavor: "v1",
    scopes: SCOPES.user,
    handler: (ctx) => ({ json: v1User(ctx.sim, userByAccountId(ctx)), points: 2 }),
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/user/memberof",
    flavor: "v1",
    scopes: SCOPES.group,
    handler: (ctx) => offsetPage(ctx, ctx.sim.store.groupsOf(userByAccountId(ctx).accountId), (g) => v1Group(ctx.sim, g)),
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/user/email",
    flavor: "v1",
    scopes: SCOPES.user,
    handler: (ctx) => {
      const u = userByAccountId(ctx);
      if (!u.emailVisible || u.accountStatus === "closed")
        throw new HttpError(404, `The email address of user ${u.accountId} is hidden by their profile visibility settings`);
      return { json: { accountId: u.accountId, email: u.email }, points: 2 };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/user/email/bulk",
    flavor: "v1",
    scopes: SCOPES.user,
    handler: (ctx) => {
      const ids = ctx.query.getAll("accountId").flatMap((v) => v.split(","));
      const users = ids.map((id) => ctx.sim.store.users.get(id)).filter((u): u is User => !!u && u.emailVisible && u.accountStatus !== "closed");
      return { json: users.map((u) => ({ accountId: u.accountId, email: u.email })), points: users.length * 2 };
    },
  },
];
