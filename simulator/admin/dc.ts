import { checkTimeZone, parseVersion, versionString } from "../dc/config";
import { dcAccount } from "../dc/info";
import type { DcState } from "../dc/state";
import { HttpError } from "../http/errors";
import type { Ctx, RouteDef } from "../http/router";
import { obj } from "./content";

/** Admin API for the Data Center flavour: its settings (version, anonymous access, time zone, rate limit) and its accounts. */
function dcOf(ctx: Ctx): DcState {
  if (!ctx.sim.dc) throw new HttpError(404, "This simulator serves Confluence Cloud; start it with flavor datacenter");
  return ctx.sim.dc;
}

function configJson(dc: DcState) {
  const c = dc.config;
  return { version: versionString(c.version), contextPath: c.contextPath, anonymousAccess: c.anonymousAccess, timeZone: c.timeZone, rateLimit: c.rateLimit };
}

const num = (v: unknown, def: number) => {
  if (v === undefined || v === null) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new HttpError(400, `Not a non-negative number: ${String(v)}`);
  return n;
};

export const adminDcRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/__admin/dc",
    flavor: "admin",
    handler: (ctx) => {
      const dc = dcOf(ctx);
      const users = dc.directory.all().map((id) => ({ ...dcAccount(id), accountId: id.user.accountId, isAdmin: id.user.isAdmin }));
      return { json: { ...configJson(dc), baseUrl: ctx.sim.url + dc.config.contextPath, users } };
    },
  },
  {
    method: "PUT",
    pattern: "/__admin/dc/config",
    flavor: "admin",
    handler: (ctx) => {
      const dc = dcOf(ctx);
      const b = obj(ctx);
      try {
        if (b.version !== undefined) dc.config.version = parseVersion(String(b.version));
        if (b.timeZone !== undefined) dc.config.timeZone = checkTimeZone(String(b.timeZone));
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      if (b.anonymousAccess !== undefined) dc.config.anonymousAccess = !!b.anonymousAccess;
      if (b.rateLimit && typeof b.rateLimit === "object") {
        const r = b.rateLimit as Record<string, unknown>;
        const c = dc.config.rateLimit;
        Object.assign(c, {
          enabled: r.enabled === undefined ? c.enabled : !!r.enabled,
          fillRate: num(r.fillRate, c.fillRate),
          intervalSeconds: num(r.intervalSeconds, c.intervalSeconds),
          maxRequests: num(r.maxRequests, c.maxRequests),
        });
        dc.buckets.reset();
      }
      return { json: configJson(dc) };
    },
  },
  {
    method: "PUT",
    pattern: "/__admin/dc/users/{username}",
    flavor: "admin",
    handler: (ctx) => {
      const dc = dcOf(ctx);
      const id = dc.directory.findUsername(ctx.params.username);
      if (!id) throw new HttpError(404, `No Data Center user ${ctx.params.username}`);
      const b = obj(ctx);
      if (typeof b.pat === "string" && b.pat) dc.directory.setPat(id, b.pat);
      if (typeof b.password === "string" && b.password) id.user.apiToken = b.password;
      return { json: dcAccount(id) };
    },
  },
  {
    method: "POST",
    pattern: "/__admin/dc/ratelimit/reset",
    flavor: "admin",
    handler: (ctx) => {
      dcOf(ctx).buckets.reset();
      return { status: 204 };
    },
  },
];
