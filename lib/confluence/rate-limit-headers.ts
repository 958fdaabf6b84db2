/** Reading Atlassian's rate-limit headers: Retry-After and the X-RateLimit-* quota family. */

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  resetAt?: Date;
  nearLimit?: boolean;
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date. Absurd values (responses
 * have carried 2^63-1) are capped at `capMs`; a date in the past means "now".
 */
export function parseRetryAfter(value: string | null | undefined, now: number, capMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (!text) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // An HTTP-date always names its day and month; this keeps "-3" from parsing as year -3.
    if (!/[a-z]/i.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  if (!Number.isFinite(ms)) return capMs;
  return Math.min(capMs, Math.max(0, Math.ceil(ms)));
}

// Epoch seconds are ~1.7e9 today; anything below 1e9 (2001) can only be seconds-until-reset.
const EPOCH_SECONDS_FLOOR = 1e9;
const EPOCH_MS_FLOOR = 1e12;

/** X-RateLimit-Reset as an instant: ISO date, epoch seconds, epoch milliseconds or delta seconds. */
export function parseReset(value: string | null | undefined, now: number): Date | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n >= EPOCH_MS_FLOOR) return new Date(n);
    if (n >= EPOCH_SECONDS_FLOOR) return new Date(n * 1000);
    return new Date(now + n * 1000);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at);
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** The quota state a response reports, or undefined when it carries none of the headers. */
export function parseRateLimitHeaders(headers: Headers, now: number): RateLimitInfo | undefined {
  const limit = intHeader(headers, "x-ratelimit-limit");
  const remaining = intHeader(headers, "x-ratelimit-remaining");
  const resetAt = parseReset(headers.get("x-ratelimit-reset"), now);
  const near = headers.get("x-ratelimit-nearlimit");
  if (limit === undefined && remaining === undefined && resetAt === undefined && near === null) return undefined;
  const info: RateLimitInfo = {};
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (resetAt) info.resetAt = resetAt;
  if (near !== null) info.nearLimit = near.trim().toLowerCase() === "true";
  return info;
}

/**
 * How long to wait after a 429: Retry-After, or X-RateLimit-Reset when that comes sooner and is
 * sane (ahead of now, within the cap). Atlassian has answered `Retry-After: 2^63-1` beside a
 * reset two seconds away; the reset is the better clue. Undefined when neither header helps.
 */
export function rateLimitWaitMs(headers: Headers, now: number, capMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get("retry-after"), now, capMs);
  const resetAt = parseReset(headers.get("x-ratelimit-reset"), now);
  const untilReset = resetAt ? resetAt.getTime() - now : Number.NaN;
  const saneReset = untilReset > 0 && untilReset <= capMs ? Math.ceil(untilReset) : undefined;
  if (retryAfter === undefined) return saneReset;
  return saneReset === undefined ? retryAfter : Math.min(retryAfter, saneReset);
}
