import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import { admin, api, startSmall } from "../test/helpers";

let sim: Simulator;
let bearer: string;
const CALLBACK = "http://localhost:3000/cb";

beforeAll(async () => {
  sim = await startSmall();
  const app = (await admin(sim, "POST", "/oauth/apps", { callbackUrl: CALLBACK })).body;
  const form = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: CALLBACK,
    scope: "read:page:confluence read:space:confluence read:user:confluence",
    state: "s",
    email: sim.admin.email,
    site: sim.cloudId,
    decision: "accept",
  });
  const res = await fetch(`${sim.authUrl}/authorize`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const code = new URL(res.headers.get("location")!).searchParams.get("code")!;
  const t = await api(sim, `${sim.authUrl}/oauth/token`, {
    method: "POST",
    auth: null,
    body: JSON.stringify({ grant_type: "authorization_code", client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: CALLBACK }),
  });
  bearer = `Bearer ${t.body.access_token}`;
});
afterAll(() => sim.close());
beforeEach(async () => {
  await admin(sim, "DELETE", "/faults");
  await admin(sim, "PUT", "/quota", { enabled: false });
  await admin(sim, "PUT", "/burst", { perSecond: 100 });
});

const gw = (p: string) => `${sim.apiUrl}/ex/confluence/${sim.cloudId}${p}`;

describe("faults", () => {
  it("a 5xx rate of 1 fails every request with a server error", async () => {
    await admin(sim, "PUT", "/faults", { rate5xx: 1 });
    expect((await api(sim, "/wiki/api/v2/spaces")).status).toBe(503);
  });

  it("a 429 rate of 1 answers 429 with the configured Retry-After", async () => {
    await admin(sim, "PUT", "/faults", { rate429: 1, retryAfterSeconds: 7 });
    const r = await api(sim, "/wiki/api/v2/pages");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
  });

  it("latency delays every request", async () => {
    await admin(sim, "PUT", "/faults", { latencyMs: 150 });
    const t0 = Date.now();
    await api(sim, "/wiki/api/v2/spaces");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
  });
});

describe("points-based quota (OAuth traffic)", () => {
  it("charges 1 per request plus 1 per page returned, reports X-RateLimit headers, and flags NearLimit below 20%", async () => {
    await admin(sim, "PUT", "/quota", { points: 100, windowSeconds: 60 });
    const r = await api(sim, gw("/wiki/api/v2/pages?limit=10"), { auth: bearer });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-ratelimit-limit")).toBe("100");
    expect(r.headers.get("x-ratelimit-remaining")).toBe("89");
    expect(r.headers.get("x-ratelimit-reset")).toMatch(/^\d{4}-/);
    expect(r.headers.get("x-ratelimit-nearlimit")).toBeNull();
    const users = await api(sim, gw("/wiki/api/v2/users-bulk"), { method: "POST", auth: bearer, body: JSON.stringify({ accountIds: [sim.admin.accountId] }) });
    expect(users.headers.get("x-ratelimit-remaining")).toBe("86");
    const big = await api(sim, gw("/wiki/api/v2/pages?limit=70"), { auth: bearer });
    expect(big.headers.get("x-ratelimit-nearlimit")).toBe("true");
  });

  it("when spent, every OAuth request gets 429 with Retry-After until the window resets; API tokens are exempt", async () => {
    await admin(sim, "PUT", "/quota", { points: 5, windowSeconds: 1 });
    await api(sim, gw("/wiki/api/v2/pages?limit=10"), { auth: bearer });
    const blocked = await api(sim, gw("/wiki/api/v2/spaces"), { auth: bearer });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(blocked.headers.get("ratelimit-reason")).toBeTruthy();
    expect(blocked.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await api(sim, "/wiki/api/v2/spaces")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await api(sim, gw("/wiki/api/v2/spaces"), { auth: bearer })).status).toBe(200);
  });
});

describe("burst limit (API-token traffic)", () => {
  it("answers 429 with Retry-After once the per-second burst is exceeded", async () => {
    await admin(sim, "PUT", "/burst", { perSecond: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await api(sim, "/wiki/api/v2/spaces");
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("retry-after");
    }
    expect(statuses).toContain(429);
    expect(retryAfter).toBe("1");
  });
});
