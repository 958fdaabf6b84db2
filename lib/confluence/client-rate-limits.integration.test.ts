import { describe, expect, it } from "vitest";
import { createConfluenceClient } from "./client";
import { RateLimitedError } from "./errors";
import { basic, delay, FAST, json, usePeers, ZAnything } from "./test-peer";

// 429s and quota headers over real HTTP, from scripted peers.
const peer = usePeers();

describe("rate limiting (429)", () => {
  it("a 429 storm pauses the whole client, halves the requests in flight, and every request still succeeds", async () => {
    let firstRateLimitAt = 0;
    const p = await peer(async (_req, res, info) => {
      await delay(30);
      if (info.n <= 8) {
        firstRateLimitAt ||= Date.now();
        return json(res, 429, { errors: [{ status: 429, title: "Too Many Requests" }] }, { "Retry-After": "1" });
      }
      json(res, 200, { ok: true });
    });
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, concurrency: 8, recoverAfter: 1_000, ...FAST });
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => client.getJson(`/wiki/api/v2/pages/${i}`, { schema: ZAnything })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(p.peakInFlight(1, 8)).toBe(8);
    const afterStorm = p.requests.filter((r) => r.n > 8);
    // Nothing was sent while paused, and the connector came back at half the concurrency.
    expect(Math.min(...afterStorm.map((r) => r.at)) - firstRateLimitAt).toBeGreaterThanOrEqual(950);
    expect(p.peakInFlight(9)).toBeLessThanOrEqual(4);
    const stats = client.stats();
    expect(stats.rateLimited).toBe(8);
    expect(stats.requests).toBe(32);
    expect(stats.throttledMs).toBeGreaterThanOrEqual(950);
    expect(stats.concurrency).toBe(4);
    expect(stats.byRoute["GET /wiki/api/v2/pages/{id}"]).toBe(32);
  });

  it("caps an absurd Retry-After (2^63-1) at maxRetryAfterMs", async () => {
    const p = await peer((_req, res, info) => (info.n === 1 ? json(res, 429, {}, { "Retry-After": "9223372036854775807" }) : json(res, 200, { ok: true })));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, maxRetryAfterMs: 150, ...FAST });
    const t0 = Date.now();
    await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("gives up with RateLimitedError after maxRateLimitRetries, carrying the last Retry-After", async () => {
    const p = await peer((_req, res) => json(res, 429, {}, { "Retry-After": "0" }));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, maxRateLimitRetries: 2, ...FAST });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBe(0);
    expect(p.requests).toHaveLength(3);
  });

  it("near the quota limit, spreads requests until the reset and reports the quota in stats", async () => {
    const p = await peer((_req, res) =>
      json(
        res,
        200,
        { ok: true },
        {
          "X-RateLimit-Limit": "1000",
          "X-RateLimit-Remaining": "10",
          "X-RateLimit-Reset": new Date(Date.now() + 300).toISOString(),
          "X-RateLimit-NearLimit": "true",
        },
      ),
    );
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything });
    await Promise.all(Array.from({ length: 4 }, () => client.getJson("/wiki/api/v2/spaces", { schema: ZAnything })));
    const gaps = p.requests.slice(2).map((r, i) => r.at - p.requests[i + 1].at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(15);
    const stats = client.stats();
    expect(stats.lastRateLimit).toMatchObject({ limit: 1000, remaining: 10, nearLimit: true });
    expect(stats.throttledMs).toBeGreaterThan(0);
  });
});
