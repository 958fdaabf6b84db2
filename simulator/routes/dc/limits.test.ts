import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../../test/helpers";
import { basicOf, dcGet, patOf, startDc } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({ rateLimit: { fillRate: 2, intervalSeconds: 60, maxRequests: 5 } }, { pages: 60 });
});
afterAll(() => sim.close());

describe("Data Center limits, faults and stats", () => {
  it("answers 429 with Retry-After once a user's bucket is empty, per user (refills: dc/ratelimit.test.ts)", async () => {
    await admin(sim, "POST", "/dc/ratelimit/reset");
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await dcGet(sim, "/rest/api/space", patOf(sim.dc.user));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last!.body.statusCode).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(last!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(last!.headers.get("x-ratelimit-limit")).toBe("5");
    expect(last!.headers.get("x-ratelimit-fillrate")).toBe("2");
    expect(last!.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another user has a bucket of their own; Basic and PAT share the person's bucket.
    expect((await dcGet(sim, "/rest/api/space", basicOf(sim.dc.admin))).status).toBe(200);
    expect((await dcGet(sim, "/rest/api/space", basicOf(sim.dc.user))).status).toBe(429);
    expect((await dcGet(sim, "/rest/api/space", null)).status).toBe(401);
    await admin(sim, "PUT", "/dc/config", { rateLimit: { enabled: false } });
    for (let i = 0; i < 8; i++) expect((await dcGet(sim, "/rest/api/space", patOf(sim.dc.user))).status).toBe(200);
  });

  it("applies the shared faults (5xx, 429 with Retry-After) to Data Center routes", async () => {
    await admin(sim, "PUT", "/faults", { rate5xx: 1 });
    expect((await dcGet(sim, "/rest/api/space")).status).toBe(503);
    await admin(sim, "PUT", "/faults", { rate5xx: 0, rate429: 1, retryAfterSeconds: 7 });
    const r = await dcGet(sim, "/rest/api/space");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
    await admin(sim, "DELETE", "/faults");
    expect((await dcGet(sim, "/rest/api/space")).status).toBe(200);
  });

  it("counts requests per route, with the context path, and the storage bodies it served", async () => {
    await admin(sim, "POST", "/stats/reset");
    const page = sim.store.contentList.find((c) => c.type === "page")!;
    await dcGet(sim, `/rest/api/content/${page.id}?expand=body.storage`);
    await dcGet(sim, "/rest/api/content/scan?limit=1");
    const stats = await admin(sim, "GET", "/stats");
    expect(stats.body.routes).toMatchObject({ "GET /confluence/rest/api/content/{id}": 1, "GET /confluence/rest/api/content/scan": 1 });
    expect((await admin(sim, "GET", "/stats/bodies")).body.bodies[String(page.id)]).toBe(1);
  });
});
