import { HttpError } from "../http/errors";
import type { RouteDef } from "../http/router";
import * as m from "../store/mutations";
import { obj } from "./content";

/** Admin API: users, groups, OAuth apps, faults, quota, burst, stats and site info. */
const num = (v: unknown, def: number) => (v === undefined || v === null ? def : Number(v));

export const adminSystemRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/__admin/info",
    flavor: "admin",
    handler: (ctx) => {
      const s = ctx.sim.store;
      const admin = s.adminUser();
      const counts = {
        spaces: s.spaces.size,
        contents: s.contents.size,
        comments: s.comments.size,
        attachments: s.attachments.size,
        users: s.users.size,
        groups: s.groups.size,
      };
      return {
        json: {
          url: ctx.sim.url,
          cloudId: ctx.sim.cloudId,
          siteName: ctx.sim.siteName,
          seed: s.seed,
          admin: { email: admin.email, apiToken: admin.apiToken, accountId: admin.accountId },
          counts,
        },
      };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/users",
    flavor: "admin",
    handler: (ctx) => ({ json: [...ctx.sim.store.users.values()].map((u) => ({ ...u, groups: ctx.sim.store.groupsOf(u.accountId).map((g) => g.name) })) }),
  },
  {
    method: "POST",
    pattern: "/__admin/users",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const u = m.createUser(ctx.sim.store, {
        email: String(b.email ?? ""),
        displayName: b.displayName as string | undefined,
        apiToken: b.apiToken as string | undefined,
        emailVisible: b.emailVisible as boolean | undefined,
        groups: Array.isArray(b.groups) ? b.groups.map(String) : undefined,
        accountId: b.accountId as string | undefined,
      });
      return { status: 201, json: u };
    },
  },
  {
    method: "PATCH",
    pattern: "/__admin/users/{accountId}",
    flavor: "admin",
    handler: (ctx) => {
      const s = ctx.sim.store;
      const u = s.users.get(ctx.params.accountId);
      if (!u) throw new HttpError(404, "User not found");
      const b = obj(ctx);
      if (typeof b.emailVisible === "boolean") u.emailVisible = b.emailVisible;
      if (typeof b.displayName === "string") u.displayName = b.displayName;
      if (typeof b.apiToken === "string") u.apiToken = b.apiToken;
      if (typeof b.email === "string") {
        s.userByEmail.delete(u.email.toLowerCase());
        u.email = b.email;
        s.userByEmail.set(u.email.toLowerCase(), u);
      }
      s.record({
        summary: "User updated",
        category: "Users and groups",
        objectName: u.displayName,
        objectType: "User",
        authorId: s.adminUser().accountId,
        description: JSON.stringify(b),
      });
      return { json: u };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/groups",
    flavor: "admin",
    handler: (ctx) => ({ json: [...ctx.sim.store.groups.values()].map((g) => ({ id: g.id, name: g.name, members: [...g.members] })) }),
  },
  {
    method: "POST",
    pattern: "/__admin/groups",
    flavor: "admin",
    handler: (ctx) => ({ status: 201, json: m.createGroup(ctx.sim.store, String(obj(ctx).name ?? "")) }),
  },
  {
    method: "POST",
    pattern: "/__admin/groups/{groupId}/members",
    flavor: "admin",
    handler: (ctx) => {
      m.setMembership(ctx.sim.store, ctx.params.groupId, String(obj(ctx).accountId ?? ""), true);
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/groups/{groupId}/members/{accountId}",
    flavor: "admin",
    handler: (ctx) => {
      m.setMembership(ctx.sim.store, ctx.params.groupId, ctx.params.accountId, false);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/spaces",
    flavor: "admin",
    handler: (ctx) => ({ json: [...ctx.sim.store.spaces.values()].map((s) => ({ ...s })) }),
  },
  ...(["archive", "restore"] as const).map((action): RouteDef => ({
    method: "POST",
    pattern: `/__admin/spaces/{id}/${action}`,
    flavor: "admin",
    handler: (ctx) => {
      const s = ctx.sim.store;
      const space = s.spaces.get(Number(ctx.params.id));
      if (!space) throw new HttpError(404, "Space not found");
      space.status = action === "archive" ? "archived" : "current";
      s.record({
        summary: `Space ${action === "archive" ? "archived" : "restored"}`,
        category: "Spaces",
        objectName: space.name,
        objectType: "Space",
        authorId: s.adminUser().accountId,
        description: space.key,
      });
      return { json: { id: String(space.id), key: space.key, status: space.status } };
    },
  })),
  {
    method: "POST",
    pattern: "/__admin/oauth/apps",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      if (typeof b.callbackUrl !== "string") throw new HttpError(400, "callbackUrl is required");
      const app = ctx.sim.oauth.registerApp({
        callbackUrl: b.callbackUrl,
        clientId: b.clientId as string | undefined,
        clientSecret: b.clientSecret as string | undefined,
        name: b.name as string | undefined,
      });
      return { status: 201, json: app };
    },
  },
  { method: "GET", pattern: "/__admin/oauth/apps", flavor: "admin", handler: (ctx) => ({ json: [...ctx.sim.oauth.apps.values()] }) },
  {
    method: "PUT",
    pattern: "/__admin/oauth/config",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const o = ctx.sim.oauth;
      if (b.tokenTtlSeconds !== undefined) o.tokenTtlSeconds = Number(b.tokenTtlSeconds);
      if (b.refreshLeewaySeconds !== undefined) o.refreshLeewaySeconds = Number(b.refreshLeewaySeconds);
      if (b.decoySite === false) o.decoy = null;
      else if (b.decoySite)
        o.decoy = {
          id: "decoy-cloud-0000-0000-000000000000",
          url: "https://other-site.atlassian.net",
          name: "other-site",
          ...(typeof b.decoySite === "object" ? b.decoySite : {}),
        };
      return { json: { tokenTtlSeconds: o.tokenTtlSeconds, refreshLeewaySeconds: o.refreshLeewaySeconds, decoySite: o.decoy } };
    },
  },
  {
    method: "POST",
    pattern: "/__admin/oauth/revoke",
    flavor: "admin",
    handler: (ctx) => {
      ctx.sim.oauth.revokeAll(obj(ctx).clientId as string | undefined);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/limits",
    flavor: "admin",
    handler: (ctx) => ({ json: { faults: ctx.sim.limits.faults, quota: ctx.sim.limits.quota, burst: ctx.sim.limits.burst } }),
  },
  {
    method: "PUT",
    pattern: "/__admin/faults",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const f = ctx.sim.limits.faults;
      Object.assign(f, {
        latencyMs: num(b.latencyMs, f.latencyMs),
        rate429: num(b.rate429, f.rate429),
        retryAfterSeconds: num(b.retryAfterSeconds, f.retryAfterSeconds),
        rate5xx: num(b.rate5xx, f.rate5xx),
        searchLagMs: num(b.searchLagMs, f.searchLagMs),
      });
      return { json: f };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/faults",
    flavor: "admin",
    handler: (ctx) => {
      Object.assign(ctx.sim.limits.faults, { latencyMs: 0, rate429: 0, rate5xx: 0, searchLagMs: 0 });
      return { json: ctx.sim.limits.faults };
    },
  },
  {
    method: "PUT",
    pattern: "/__admin/quota",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const l = ctx.sim.limits;
      l.quota = {
        enabled: b.enabled === undefined ? true : !!b.enabled,
        points: num(b.points, l.quota.points),
        windowSeconds: num(b.windowSeconds, l.quota.windowSeconds),
      };
      l.resetQuota();
      return { json: l.quota };
    },
  },
  {
    method: "PUT",
    pattern: "/__admin/burst",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const l = ctx.sim.limits;
      l.burst = { enabled: b.enabled === undefined ? true : !!b.enabled, perSecond: num(b.perSecond, l.burst.perSecond) };
      return { json: l.burst };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/stats",
    flavor: "admin",
    handler: (ctx) => {
      const l = ctx.sim.limits;
      const routes = Object.fromEntries([...ctx.sim.stats.entries()].sort());
      const total = [...ctx.sim.stats.values()].reduce((a, b) => a + b, 0);
      return {
        json: {
          routes,
          totalRequests: total,
          pointsSpent: l.pointsSpentTotal,
          quota: { ...l.quota, spent: l.spent, remaining: Math.max(0, l.quota.points - l.spent), windowStart: new Date(l.windowStart).toISOString() },
        },
      };
    },
  },
  {
    method: "GET",
    pattern: "/__admin/stats/bodies",
    flavor: "admin",
    handler: (ctx) => ({ json: { bodies: Object.fromEntries([...ctx.sim.bodiesServed.entries()].map(([id, n]) => [String(id), n])) } }),
  },
  {
    method: "POST",
    pattern: "/__admin/stats/reset",
    flavor: "admin",
    handler: (ctx) => {
      ctx.sim.stats.clear();
      ctx.sim.bodiesServed.clear();
      ctx.sim.limits.pointsSpentTotal = 0;
      ctx.sim.limits.resetQuota();
      return { status: 204 };
    },
  },
];
