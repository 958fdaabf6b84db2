import { applyShapeFaults } from "./limits/shape-faults";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { adminRoutes } from "./admin/routes";
import { handleDc } from "./dc/handler";
import { gatewayAuth, siteAuth } from "./http/auth";
import { readBody } from "./http/body";
import { HttpError, errorBody, type ApiFlavor } from "./http/errors";
import { Router, hasScopes, type AuthInfo, type Ctx, type Reply } from "./http/router";
import { apiRoutes, authRoutes } from "./oauth/routes";
import { v1Routes } from "./routes/v1";
import { v2Routes } from "./routes/v2";
import type { SimState } from "./state";
import { Access } from "./store/access";

/** The HTTP front door: dispatches admin, OAuth, gateway and site requests, applying auth and limits. */
const confluence = new Router();
confluence.addAll([...v2Routes, ...v1Routes]);
const admin = new Router();
admin.addAll(adminRoutes);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}) };
  let payload: Uint8Array | string = "";
  if (reply.bytes) {
    payload = reply.bytes;
    headers["Content-Type"] = reply.contentType ?? "application/octet-stream";
  } else if (reply.html !== undefined) {
    payload = reply.html;
    headers["Content-Type"] = "text/html; charset=utf-8";
  } else if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["Content-Type"] = "application/json;charset=UTF-8";
  }
  headers["Content-Length"] = typeof payload === "string" ? Buffer.byteLength(payload) : payload.length;
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

function errorReply(flavor: ApiFlavor, e: unknown): Reply {
  if (e instanceof HttpError) return { status: e.status, json: errorBody(flavor, e.status, e.message), headers: e.headers };
  console.error("[simulator] internal error", e);
  return { status: 500, json: errorBody(flavor, 500, "Internal error") };
}

function count(sim: SimState, key: string): void {
  sim.stats.set(key, (sim.stats.get(key) ?? 0) + 1);
}

async function handleConfluence(sim: SimState, req: IncomingMessage, path: string, query: URLSearchParams, cloudId: string | null): Promise<Reply> {
  const method = req.method ?? "GET";
  const match = confluence.match(method, path);
  const flavorOf = (p: string): ApiFlavor => (cloudId !== null ? "gateway" : p.startsWith("/wiki/api/v2") ? "v2" : "v1");
  if (!match) return { status: 404, json: errorBody(flavorOf(path), 404, "No route matches") };
  if ("allowed" in match) return { status: 405, json: errorBody(flavorOf(path), 405, "Method not allowed"), headers: { Allow: match.allowed.join(", ") } };
  const { route, params } = match;
  count(sim, `${method} ${route.pattern}`);
  const limits = sim.limits;
  let auth: AuthInfo;
  try {
    auth = cloudId !== null ? gatewayAuth(sim, req, cloudId) : siteAuth(sim, req);
  } catch (e) {
    return errorReply(cloudId !== null ? "gateway" : route.flavor, e);
  }
  if (auth.kind === "bearer" && !hasScopes(auth.scopes, route.scopes))
    return { status: 401, json: { code: 401, message: "Unauthorized; scope does not match" } };
  if (limits.faults.latencyMs > 0) await sleep(limits.faults.latencyMs);
  const retry = String(limits.faults.retryAfterSeconds);
  if (limits.roll(limits.faults.rate5xx)) return { status: 503, json: errorBody(route.flavor, 503, "Simulated server error") };
  if (limits.roll(limits.faults.rate429))
    return { status: 429, json: errorBody(route.flavor, 429, "Rate limited"), headers: { "Retry-After": retry, "RateLimit-Reason": "simulated-fault" } };
  if (auth.kind === "basic" && !limits.burstAllows())
    return {
      status: 429,
      json: errorBody(route.flavor, 429, "Burst rate limit exceeded"),
      headers: { "Retry-After": "1", "RateLimit-Reason": "confluence-burst-based" },
    };
  const quotaApplies = auth.kind === "bearer";
  if (quotaApplies && limits.quotaExhausted()) {
    return {
      status: 429,
      json: errorBody(route.flavor, 429, "Rate limit exceeded"),
      headers: { ...limits.quotaHeaders(), "Retry-After": String(limits.resetSeconds()), "RateLimit-Reason": "confluence-quota-global-based" },
    };
  }
  let reply: Reply;
  try {
    const body = method === "GET" ? null : await readBody(req);
    const ctx: Ctx = { sim, req, method, path, query, params, access: new Access(sim.store, auth.user), auth, body };
    reply = await route.handler(ctx);
  } catch (e) {
    reply = errorReply(cloudId !== null && !(e instanceof HttpError && e.status < 500) ? "gateway" : route.flavor, e);
  }
  if (path.startsWith("/wiki/api/v2") && (reply.status ?? 200) < 300) reply.json = applyShapeFaults(reply.json, sim.shapeFaults);
  const points = 1 + (reply.points ?? 0);
  limits.charge(points, quotaApplies);
  if (quotaApplies) reply.headers = { ...(reply.headers ?? {}), ...limits.quotaHeaders() };
  return reply;
}

async function handleAdmin(sim: SimState, req: IncomingMessage, path: string, query: URLSearchParams): Promise<Reply> {
  const method = req.method ?? "GET";
  const match = admin.match(method, path);
  if (!match) return { status: 404, json: { error: `No admin route ${method} ${path}` } };
  if ("allowed" in match) return { status: 405, json: { error: "Method not allowed" } };
  try {
    const body = await readBody(req);
    const ctx: Ctx = {
      sim,
      req,
      method,
      path,
      query,
      params: match.params,
      access: new Access(sim.store, sim.store.adminUser()),
      auth: { kind: "anonymous", user: null, scopes: null },
      body,
    };
    return await match.route.handler(ctx);
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, json: { error: e.message } };
    return errorReply("admin", e);
  }
}

async function dispatch(sim: SimState, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  const query = url.searchParams;
  if (path === "/__admin" || path.startsWith("/__admin/")) return handleAdmin(sim, req, path, query);
  if (sim.dc) return handleDc(sim, req, path, query);
  const gw = new RegExp(`^${sim.apiPrefix.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}/ex/confluence/([^/]+)(/.*)$`).exec(path);
  if (gw) return handleConfluence(sim, req, gw[2], query, decodeURIComponent(gw[1]));
  for (const [prefix, routes] of [
    [sim.authPrefix, authRoutes],
    [sim.apiPrefix, apiRoutes],
  ] as const) {
    if (path.startsWith(prefix + "/")) {
      const sub = path.slice(prefix.length);
      const r = routes.match(req.method ?? "GET", sub);
      if (r && !("allowed" in r)) {
        count(sim, `${req.method} ${prefix}${r.route.pattern}`);
        try {
          const body = await readBody(req);
          const ctx: Ctx = {
            sim,
            req,
            method: req.method ?? "GET",
            path: sub,
            query,
            params: r.params,
            access: new Access(sim.store, null),
            auth: { kind: "anonymous", user: null, scopes: null },
            body,
          };
          return await r.route.handler(ctx);
        } catch (e) {
          if (e instanceof HttpError)
            return {
              status: e.status,
              json: prefix === sim.apiPrefix ? errorBody("gateway", e.status, e.message) : { error: "invalid_request", error_description: e.message },
            };
          return errorReply("oauth", e);
        }
      }
    }
  }
  if (path === "/" || path === "/wiki" || path === "/wiki/")
    return { html: `<html><body><h1>${sim.siteName}</h1><p>Confluence Cloud simulator</p></body></html>` };
  return handleConfluence(sim, req, path, query, null);
}

export function createSimServer(sim: SimState): Server {
  return createServer((req, res) => {
    dispatch(sim, req)
      .then((reply) => send(res, reply))
      .catch((e) => send(res, errorReply("admin", e)));
  });
}
