import { describe, expect, it } from "vitest";
import { parseRateLimitHeaders, parseReset, parseRetryAfter } from "./rate-limit-headers";

const NOW = Date.parse("2026-11-23T22:00:00.000Z");
const CAP = 60_000;

describe("parseRetryAfter", () => {
  it("reads delta-seconds as milliseconds", () => {
    expect(parseRetryAfter("5", NOW, CAP)).toBe(5_000);
    expect(parseRetryAfter(" 0 ", NOW, CAP)).toBe(0);
    expect(parseRetryAfter("1.5", NOW, CAP)).toBe(1_500);
  });

  it("reads an HTTP-date as the time left until then", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 22:00:30 GMT", NOW, CAP)).toBe(30_000);
  });

  it("treats an HTTP-date in the past as no wait", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 21:00:00 GMT", NOW, CAP)).toBe(0);
  });

  it("caps absurd values such as 2^63-1 seconds at the configured maximum", () => {
    expect(parseRetryAfter("9223372036854775807", NOW, CAP)).toBe(CAP);
    expect(parseRetryAfter("3600", NOW, CAP)).toBe(CAP);
    expect(parseRetryAfter("Fri, 01 Jan 2100 00:00:00 GMT", NOW, CAP)).toBe(CAP);
  });

  it("ignores a missing or unreadable header so the caller falls back to backoff", () => {
    expect(parseRetryAfter(null, NOW, CAP)).toBeUndefined();
    expect(parseRetryAfter("", NOW, CAP)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW, CAP)).toBeUndefined();
    expect(parseRetryAfter("-3", NOW, CAP)).toBeUndefined();
  });
});

describe("parseReset", () => {
  it("accepts an ISO date, epoch seconds, epoch milliseconds and delta seconds", () => {
    expect(parseReset("2026-11-23T23:00:00.000Z", NOW)?.toISOString()).toBe("2026-11-23T23:00:00.000Z");
    expect(parseReset(String(NOW / 1000 + 60), NOW)?.getTime()).toBe(NOW + 60_000);
    expect(parseReset(String(NOW + 60_000), NOW)?.getTime()).toBe(NOW + 60_000);
    expect(parseReset("30", NOW)?.getTime()).toBe(NOW + 30_000);
    expect(parseReset("garbage", NOW)).toBeUndefined();
  });
});

describe("parseRateLimitHeaders", () => {
  it("reads limit, remaining, reset and the near-limit flag", () => {
    const headers = new Headers({
      "X-RateLimit-Limit": "1000",
      "X-RateLimit-Remaining": "150",
      "X-RateLimit-Reset": "2026-11-23T23:00:00Z",
      "X-RateLimit-NearLimit": "true",
    });
    expect(parseRateLimitHeaders(headers, NOW)).toEqual({ limit: 1000, remaining: 150, resetAt: new Date("2026-11-23T23:00:00Z"), nearLimit: true });
  });

  it("returns undefined when the response carries no quota headers", () => {
    expect(parseRateLimitHeaders(new Headers({ "content-type": "application/json" }), NOW)).toBeUndefined();
  });
});
