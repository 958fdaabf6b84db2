import PQueue from "p-queue";
import type { RateLimitInfo } from "./rate-limit-headers";

/**
 * One pacer per client: every request of a connector goes through it, so a 429 or a nearly spent
 * quota slows the whole connector, not just the request that saw it.
 *
 * - Concurrency starts at `concurrency`, halves on a 429 (min 1) and creeps back by one after
 *   `recoverAfter` consecutive successes, never above the start value (AIMD, like TCP).
 * - A 429 pauses the queue for its Retry-After; requests already waiting stay queued.
 * - Near the quota limit, request starts are spread evenly until the reset instead of
 *   running into 429s.
 */
export interface PacerOptions {
  concurrency: number;
  /** Consecutive successes before concurrency grows by one. */
  recoverAfter?: number;
  /** Longest pause or spacing the pacer will impose. */
  maxPauseMs?: number;
  /** Share of the quota below which we treat the site as near its limit. */
  nearLimitRatio?: number;
  now?: () => number;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Minimum interval between request starts so the remaining quota lasts until the reset.
 * `costPerRequest` is the observed points per request (Atlassian charges per returned object too).
 */
export function spacingFor(info: RateLimitInfo, now: number, costPerRequest: number, nearLimitRatio: number): number {
  const { limit, remaining, resetAt, nearLimit } = info;
  if (remaining === undefined || !resetAt) return 0;
  const near = nearLimit === true || (limit !== undefined && limit > 0 && remaining < limit * nearLimitRatio);
  if (!near) return 0;
  const untilReset = resetAt.getTime() - now;
  if (untilReset <= 0) return 0;
  const requestsLeft = remaining / Math.max(1, costPerRequest);
  if (requestsLeft < 1) return untilReset;
  return Math.ceil(untilReset / requestsLeft);
}

export class Pacer {
  readonly maxConcurrency: number;
  /** Wall-clock milliseconds during which the pacer held requests back (pauses and spacing). */
  throttledMs = 0;
  minIntervalMs = 0;
  lastRateLimit: RateLimitInfo | undefined;
  inFlight = 0;
  private readonly queue: PQueue;
  private readonly recoverAfter: number;
  private readonly maxPauseMs: number;
  private readonly nearLimitRatio: number;
  private readonly now: () => number;
  private successes = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;
  private nextStartAt = 0;
  private throttledUntil = 0;
  private window: { resetAt: number; firstRemaining: number; responses: number } | undefined;

  constructor(options: PacerOptions) {
    this.maxConcurrency = Math.max(1, Math.floor(options.concurrency));
    this.recoverAfter = options.recoverAfter ?? 20;
    this.maxPauseMs = options.maxPauseMs ?? 60_000;
    this.nearLimitRatio = options.nearLimitRatio ?? 0.2;
    this.now = options.now ?? Date.now;
    this.queue = new PQueue({ concurrency: this.maxConcurrency });
  }

  get concurrency(): number {
    return this.queue.concurrency;
  }

  get pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /** Runs `task` when a slot is free, the queue is not paused and the spacing allows a start. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.add(
      async () => {
        await this.waitForTurn(signal);
        this.inFlight++;
        try {
          return await task();
        } finally {
          this.inFlight--;
        }
      },
      { signal },
    );
  }

  /** A response arrived; `ok` means it counts towards recovering concurrency. */
  onResponse(ok: boolean, rateLimit: RateLimitInfo | undefined): void {
    if (rateLimit) this.observeQuota(rateLimit);
    if (!ok) return;
    this.successes++;
    if (this.successes >= this.recoverAfter && this.queue.concurrency < this.maxConcurrency) {
      this.queue.concurrency = this.queue.concurrency + 1;
      this.successes = 0;
    }
  }

  /**
   * A 429 for a request that started at `startedAt`. Concurrency halves once per wave: 429s for
   * requests sent before the last decrease were already accounted for.
   */
  onRateLimited(retryAfterMs: number, startedAt: number): void {
    this.successes = 0;
    if (startedAt >= this.lastDecreaseAt) {
      this.queue.concurrency = Math.max(1, Math.floor(this.queue.concurrency / 2));
      this.lastDecreaseAt = this.now();
    }
    this.pauseFor(retryAfterMs);
  }

  /** Holds every request of this client for `ms` (extends, never shortens, a running pause). */
  pauseFor(ms: number): void {
    const now = this.now();
    const until = now + Math.min(Math.max(0, ms), this.maxPauseMs);
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.addThrottle(now, until);
    this.queue.pause();
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      this.queue.start();
    }, until - now);
  }

  /** Stops the resume timer once the client is aborted; waiting requests are rejected by their signal. */
  dispose(): void {
    clearTimeout(this.resumeTimer);
  }

  private observeQuota(info: RateLimitInfo): void {
    const now = this.now();
    const { limit, remaining } = info;
    const near = info.nearLimit === true || (limit !== undefined && remaining !== undefined && limit > 0 && remaining < limit * this.nearLimitRatio);
    this.lastRateLimit = { ...info, nearLimit: near };
    let cost = 1;
    if (info.resetAt && info.remaining !== undefined) {
      const resetAt = info.resetAt.getTime();
      if (!this.window || this.window.resetAt !== resetAt || info.remaining > this.window.firstRemaining) {
        this.window = { resetAt, firstRemaining: info.remaining, responses: 0 };
      } else {
        this.window.responses++;
        cost = (this.window.firstRemaining - info.remaining) / this.window.responses;
      }
    }
    const spacing = Math.min(this.maxPauseMs, spacingFor(info, now, cost, this.nearLimitRatio));
    if (info.remaining !== undefined && info.remaining <= 0 && info.resetAt) {
      this.pauseFor(info.resetAt.getTime() - now);
    }
    this.minIntervalMs = spacing;
  }

  private async waitForTurn(signal?: AbortSignal): Promise<void> {
    let reserved = false;
    for (;;) {
      const now = this.now();
      if (this.pausedUntil > now) {
        await sleep(this.pausedUntil - now, signal);
        continue;
      }
      if (reserved || this.minIntervalMs <= 0) return;
      const at = Math.max(now, this.nextStartAt);
      this.nextStartAt = at + this.minIntervalMs;
      reserved = true;
      if (at > now) {
        this.addThrottle(now, at);
        await sleep(at - now, signal);
      }
    }
  }

  private addThrottle(now: number, until: number): void {
    const from = Math.max(now, this.throttledUntil);
    if (until > from) this.throttledMs += until - from;
    this.throttledUntil = Math.max(this.throttledUntil, until);
  }
}
