import type { RateLimitInfo } from "./rate-limit-headers";

/** What a client has done so far: for sync-run progress, logs and tests. */
export interface ClientStats {
  /** HTTP attempts sent, retries included. */
  requests: number;
  byRoute: Record<string, number>;
  retries: number;
  /** Wall-clock milliseconds the pacer held requests back. */
  throttledMs: number;
  /** 429 responses received. */
  rateLimited: number;
  concurrency: number;
  lastRateLimit?: RateLimitInfo;
}

export class StatsRecorder {
  requests = 0;
  retries = 0;
  rateLimited = 0;
  private readonly byRoute = new Map<string, number>();

  request(route: string): void {
    this.requests++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  snapshot(pacer: { throttledMs: number; concurrency: number; lastRateLimit?: RateLimitInfo }): ClientStats {
    const out: ClientStats = {
      requests: this.requests,
      byRoute: Object.fromEntries(this.byRoute),
      retries: this.retries,
      throttledMs: pacer.throttledMs,
      rateLimited: this.rateLimited,
      concurrency: pacer.concurrency,
    };
    if (pacer.lastRateLimit) out.lastRateLimit = { ...pacer.lastRateLimit };
    return out;
  }
}
