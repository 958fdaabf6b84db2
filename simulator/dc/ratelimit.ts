import type { DcRateLimit } from "./config";

/**
 * Data Center's per-user token bucket: every user starts with a full bucket of `maxRequests`
 * tokens, gets `fillRate` more every `intervalSeconds` (never above the maximum), and spends one
 * per REST request. An empty bucket answers 429 with Retry-After (seconds to the next refill).
 */
interface Bucket {
  tokens: number;
  lastFill: number;
}

export interface TakeResult {
  ok: boolean;
  headers: Record<string, string>;
}

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(public config: DcRateLimit) {}

  reset(): void {
    this.buckets.clear();
  }

  take(key: string, now = Date.now()): TakeResult {
    const c = this.config;
    if (!c.enabled) return { ok: true, headers: {} };
    const intervalMs = Math.max(1, c.intervalSeconds * 1000);
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: c.maxRequests, lastFill: now };
      this.buckets.set(key, b);
    }
    const intervals = Math.floor((now - b.lastFill) / intervalMs);
    if (intervals > 0) {
      b.tokens = Math.min(c.maxRequests, b.tokens + intervals * c.fillRate);
      b.lastFill += intervals * intervalMs;
    }
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    const retryAfter = ok && b.tokens >= 1 ? 0 : Math.max(1, Math.ceil((b.lastFill + intervalMs - now) / 1000));
    return {
      ok,
      headers: {
        "X-RateLimit-Limit": String(c.maxRequests),
        "X-RateLimit-Remaining": String(Math.floor(b.tokens)),
        "X-RateLimit-Interval-Seconds": String(c.intervalSeconds),
        "X-RateLimit-FillRate": String(c.fillRate),
        "Retry-After": String(retryAfter),
      },
    };
  }
}
