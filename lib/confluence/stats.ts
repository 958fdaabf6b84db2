import type { RateLimitInfo } from "./rate-limit-headers";

/** What a client has done so far: for sync-run progress, logs, the run's stored request stats and tests. */
export interface ClientStats {
  /** HTTP attempts sent, retries included. */
  requests: number;
  byRoute: Record<string, number>;
  /**
   * Attempts by route and the status Confluence answered (`"none"`: no answer, such as a network
   * failure, a timeout or a cancel). Sums to `requests` once no attempt is in flight.
   */
  byRouteStatus: Record<string, Record<string, number>>;
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
  private readonly byRouteStatus = new Map<string, Map<string, number>>();

  request(route: string): void {
    this.requests++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  /** Counts one attempt of `send` under its route and the status it ended with. */
  async attempt<T extends { response: Response }>(route: string, send: () => Promise<T>): Promise<T> {
    this.request(route);
    try {
      const result = await send();
      this.answered(route, String(result.response.status));
      return result;
    } catch (err) {
      // A typed error raised after the headers (a body too large, a refused redirect) keeps its status.
      const status = (err as { status?: unknown }).status;
      this.answered(route, typeof status === "number" ? String(status) : "none");
      throw err;
    }
  }

  private answered(route: string, status: string): void {
    let statuses = this.byRouteStatus.get(route);
    if (!statuses) this.byRouteStatus.set(route, (statuses = new Map()));
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }

  snapshot(pacer: { throttledMs: number; concurrency: number; lastRateLimit?: RateLimitInfo }): ClientStats {
    const out: ClientStats = {
      requests: this.requests,
      byRoute: Object.fromEntries(this.byRoute),
      byRouteStatus: Object.fromEntries([...this.byRouteStatus].map(([route, statuses]) => [route, Object.fromEntries(statuses)])),
      retries: this.retries,
      throttledMs: pacer.throttledMs,
      rateLimited: this.rateLimited,
      concurrency: pacer.concurrency,
    };
    if (pacer.lastRateLimit) out.lastRateLimit = { ...pacer.lastRateLimit };
    return out;
  }
}
