import type { DcIdentity } from "../../dc/directory";
import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import type { Group } from "../../store/types";
import { dcRoute, type DcRouteDef } from "./common";
import { offsetPage } from "./paging";
import { anonymousJson, dc, dcGroupJson, dcUserJson } from "./people-json";

/** Users (by user key or username), the current user, groups and their members. Anonymous callers may not list people. */
function signedIn(ctx: Ctx): void {
  if (!ctx.access.user) throw new HttpError(403, "Anonymous users cannot list users or groups");
}

function identity(ctx: Ctx): DcIdentity {
  const dir = dc(ctx.sim).directory;
  const key = ctx.query.get("key");
  const username = ctx.query.get("username");
  if (!key && !username) throw new HttpError(400, "Either the key or the username parameter is required");
  const who = key ? dir.findKey(key) : dir.findUsername(username!);
  if (!who) throw new HttpError(404, `No user found with ${key ? `key ${key}` : `username ${username}`}`);
  return who;
}

function groupByName(ctx: Ctx): Group {
  const g = [...ctx.sim.store.groups.values()].find((x) => x.name === ctx.params.groupName);
  if (!g) throw new HttpError(404, `No group found with name: ${ctx.params.groupName}`);
  return g;
}

const byName = (a: Group, b: Group) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const dcPeopleRoutes: DcRouteDef[] = [
  dcRoute("GET", "/rest/api/user/current", (ctx) => {
    const u = ctx.access.user;
    return { json: u ? dcUserJson(ctx.sim, dc(ctx.sim).directory.of(u)) : anonymousJson(ctx.sim) };
  }),
  dcRoute("GET", "/rest/api/user/anonymous", (ctx) => ({ json: anonymousJson(ctx.sim) })),
  dcRoute("GET", "/rest/api/user/list", (ctx) => {
    signedIn(ctx);
    const all = dc(ctx.sim).directory.all();
    return offsetPage(ctx, all, (id) => dcUserJson(ctx.sim, id), { cap: 200, defLimit: 200, points: 2 });
  }),
  dcRoute("GET", "/rest/api/user/memberof", (ctx) => {
    signedIn(ctx);
    const who = identity(ctx);
    const groups = ctx.sim.store.groupsOf(who.user.accountId).sort(byName);
    return offsetPage(ctx, groups, (g) => dcGroupJson(ctx.sim, g), { cap: 200, defLimit: 200, points: 2 });
  }),
  dcRoute("GET", "/rest/api/user", (ctx) => {
    signedIn(ctx);
    return { json: dcUserJson(ctx.sim, identity(ctx)), points: 2 };
  }),
  dcRoute("GET", "/rest/api/group", (ctx) => {
    signedIn(ctx);
    const groups = [...ctx.sim.store.groups.values()].sort(byName);
    return offsetPage(ctx, groups, (g) => dcGroupJson(ctx.sim, g), { cap: 1000, defLimit: 200, points: 2 });
  }),
  dcRoute("GET", "/rest/api/group/{groupName}/member", (ctx) => {
    signedIn(ctx);
    const dir = dc(ctx.sim).directory;
    const members = [...groupByName(ctx).members].map((id) => dir.byAccountId(id)).filter((x): x is DcIdentity => !!x);
    return offsetPage(ctx, members, (id) => dcUserJson(ctx.sim, id), { cap: 200, defLimit: 200, points: 2 });
  }),
  dcRoute("GET", "/rest/api/group/{groupName}", (ctx) => {
    signedIn(ctx);
    return { json: dcGroupJson(ctx.sim, groupByName(ctx)), points: 2 };
  }),
  // The mobile plugin's profile resource is where Data Center clients find an email address (onyx reads it there).
  dcRoute("GET", "/rest/mobile/1.0/profile/{username}", (ctx) => {
    signedIn(ctx);
    const who = dc(ctx.sim).directory.findUsername(ctx.params.username);
    if (!who) throw new HttpError(404, `No user found with username ${ctx.params.username}`);
    const u = who.user;
    return {
      json: {
        username: who.username,
        userKey: who.userKey,
        fullName: u.displayName,
        ...(u.emailVisible ? { email: u.email } : {}),
        photoUrl: `${dc(ctx.sim).config.contextPath}/images/icons/profilepics/default.svg`,
      },
      points: 2,
    };
  }),
];
