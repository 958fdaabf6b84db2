import type { IncomingMessage } from "node:http";
import { readBody } from "../http/body";
import { HttpError, errorBody } from "../http/errors";
import { Router, type Ctx, type Reply } from "../http/router";
import { dcRoutes, type DcRouteDef } from "../routes/dc";
import type { SimState } from "../state";
import { Access } from "../store/access";
import { dcAuth } from "./auth";
import { hasFeature } from "./config";

/**
 * The Data Center front door: everything under the context path. Order per request: route
 * (a version without the endpoint answers 404 as Jersey does), stats, auth, faults (latency, 5xx,
 * 429, shared with the Cloud flavour), the caller's token bucket, then the handler.
 */
const router = new Router();
router.addAll(dcRoutes);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function missing(sim: SimState, path: string): Reply {
  return { status: 404, json: { message: `null for uri: ${sim.url}${path}`, "status-code": 404 } };
}

function fail(e: unknown, extra: Record<string, string> = {}): Reply {
  if (e instanceof HttpError) return { status: e.status, json: errorBody("v1", e.status, e.message), headers: { ...e.headers, ...extra } };
  console.error("[simulator] internal error (Data Center)", e);
  return { status: 500, json: errorBody("v1", 500, "Internal error"), headers: extra };
}

export async function handleDc(sim: SimState, req: IncomingMessage, path: string, query: URLSearchParams): Promise<Reply> {
  const dc = sim.dc!;
  const cp = dc.config.contextPath;
  if (cp && path !== cp && !path.startsWith(cp + "/")) return missing(sim, path);
  const sub = path.slice(cp.length) || "/";
  if (sub === "/") return { html: `<html><body><h1>${sim.siteName}</h1><p>Confluence Data Center simulator (context path "${cp}")</p></body></html>` };
  const method = req.method ?? "GET";
  const match = router.match(method, sub);
  if (!match) return missing(sim, path);
  if ("allowed" in match) return { status: 405, json: errorBody("v1", 405, "Method not allowed"), headers: { Allow: match.allowed.join(", ") } };
  const route = match.route as DcRouteDef;
  const key = `${method} ${cp}${route.pattern}`;
  sim.stats.set(key, (sim.stats.get(key) ?? 0) + 1);
  if (route.since && !hasFeature(dc.config, route.since)) return missing(sim, path);
  let auth;
  try {
    auth = dcAuth(sim, req, !!route.public);
  } catch (e) {
    return fail(e);
  }
  const faults = sim.limits.faults;
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (sim.limits.roll(faults.rate5xx)) return { status: 503, json: errorBody("v1", 503, "Simulated server error"), headers: auth.headers };
  if (sim.limits.roll(faults.rate429))
    return { status: 429, json: errorBody("v1", 429, "Rate limited"), headers: { ...auth.headers, "Retry-After": String(faults.retryAfterSeconds) } };
  const user = auth.auth.user;
  const bucket = user ? dc.buckets.take(user.accountId) : { ok: true, headers: {} };
  const headers = { ...auth.headers, ...bucket.headers };
  if (!bucket.ok) return { status: 429, json: errorBody("v1", 429, "Rate limit exceeded: too many requests from this user"), headers };
  try {
    const body = method === "GET" ? null : await readBody(req);
    const ctx: Ctx = { sim, req, method, path: sub, query, params: match.params, access: new Access(sim.store, user), auth: auth.auth, body };
    const reply = await route.handler(ctx);
    sim.limits.charge(1 + (reply.points ?? 0), false);
    return { ...reply, headers: { ...(reply.headers ?? {}), ...headers } };
  } catch (e) {
    return fail(e, headers);
  }
}
