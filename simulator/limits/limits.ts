import { mulberry32, type Rng } from "../rand";

/** Fault injection, Atlassian's points-based quota (OAuth traffic) and the per-second burst limit (API tokens). */
export interface Faults {
  latencyMs: number;
  rate429: number;
  retryAfterSeconds: number;
  rate5xx: number;
  /** Search index lag: content changed less than this long ago is not found by CQL search yet, as on Confluence. */
  searchLagMs: number;
}

export interface QuotaConfig {
  enabled: boolean;
  points: number;
  windowSeconds: number;
}

export interface BurstConfig {
  enabled: boolean;
  perSecond: number;
}

export const POINTS = { content: 1, principal: 2 } as const;

export class Limits {
  faults: Faults = { latencyMs: 0, rate429: 0, retryAfterSeconds: 5, rate5xx: 0, searchLagMs: 0 };
  quota: QuotaConfig = { enabled: false, points: 65_000, windowSeconds: 3600 };
  burst: BurstConfig = { enabled: true, perSecond: 100 };
  spent = 0;
  windowStart = Date.now();
  pointsSpentTotal = 0;
  private burstSecond = 0;
  private burstCount = 0;
  private rng: Rng;

  constructor(seed: number) {
    this.rng = mulberry32(seed ^ 0x5eed);
  }

  roll(rate: number): boolean {
    return rate > 0 && this.rng() < rate;
  }

  private rollWindow(now: number): void {
    if (now - this.windowStart >= this.quota.windowSeconds * 1000) {
      this.windowStart = now;
      this.spent = 0;
    }
  }

  resetSeconds(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowStart + this.quota.windowSeconds * 1000 - now) / 1000));
  }

  /** True when the quota has no points left in the current window. */
  quotaExhausted(now = Date.now()): boolean {
    if (!this.quota.enabled) return false;
    this.rollWindow(now);
    return this.spent >= this.quota.points;
  }

  charge(points: number, quotaApplies: boolean): void {
    this.pointsSpentTotal += points;
    if (quotaApplies && this.quota.enabled) this.spent += points;
  }

  quotaHeaders(now = Date.now()): Record<string, string> {
    if (!this.quota.enabled) return {};
    this.rollWindow(now);
    const remaining = Math.max(0, this.quota.points - this.spent);
    const h: Record<string, string> = {
      "X-RateLimit-Limit": String(this.quota.points),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": new Date(this.windowStart + this.quota.windowSeconds * 1000).toISOString(),
    };
    if (remaining < this.quota.points * 0.2) h["X-RateLimit-NearLimit"] = "true";
    return h;
  }

  /** Counts a request against the burst limit; returns false when over it. */
  burstAllows(now = Date.now()): boolean {
    if (!this.burst.enabled || this.burst.perSecond <= 0) return true;
    const sec = Math.floor(now / 1000);
    if (sec !== this.burstSecond) {
      this.burstSecond = sec;
      this.burstCount = 0;
    }
    this.burstCount++;
    return this.burstCount <= this.burst.perSecond;
  }

  resetQuota(): void {
    this.spent = 0;
    this.windowStart = Date.now();
  }
}
