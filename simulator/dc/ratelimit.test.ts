import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./ratelimit";

describe("per-user token bucket", () => {
  it("spends the bucket, answers with Retry-After until the next refill, and refills by the fill rate up to the maximum", () => {
    const b = new TokenBuckets({ enabled: true, fillRate: 2, intervalSeconds: 10, maxRequests: 3 });
    const t0 = 1_000_000;
    const first = b.take("alice", t0);
    expect(first.ok).toBe(true);
    expect(first.headers).toMatchObject({
      "X-RateLimit-Limit": "3",
      "X-RateLimit-Remaining": "2",
      "X-RateLimit-FillRate": "2",
      "X-RateLimit-Interval-Seconds": "10",
      "Retry-After": "0",
    });
    expect(b.take("alice", t0).ok).toBe(true);
    expect(b.take("alice", t0).headers["Retry-After"]).toBe("10");
    const denied = b.take("alice", t0 + 4_000);
    expect(denied.ok).toBe(false);
    expect(denied.headers["Retry-After"]).toBe("6");
    expect(b.take("bob", t0 + 4_000).ok).toBe(true);
    const refilled = b.take("alice", t0 + 10_000);
    expect(refilled.ok).toBe(true);
    expect(refilled.headers["X-RateLimit-Remaining"]).toBe("1");
    b.take("alice", t0 + 10_000);
    expect(b.take("alice", t0 + 10_000).ok).toBe(false);
    // A long pause refills only up to the maximum.
    for (let i = 0; i < 3; i++) expect(b.take("alice", t0 + 1_000_000).ok).toBe(true);
    expect(b.take("alice", t0 + 1_000_000).ok).toBe(false);
  });

  it("lets everything through when disabled", () => {
    const b = new TokenBuckets({ enabled: false, fillRate: 1, intervalSeconds: 1, maxRequests: 1 });
    for (let i = 0; i < 10; i++) expect(b.take("x").ok).toBe(true);
  });
});
