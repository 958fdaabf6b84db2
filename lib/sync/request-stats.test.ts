import { describe, expect, it } from "vitest";
import type { ClientStats } from "../confluence";
import { emptyRequestStats, parseRequestStats, withClientStats } from "./request-stats";

const client = (over: Partial<ClientStats>): ClientStats => ({
  requests: 0,
  byRoute: {},
  byRouteStatus: {},
  retries: 0,
  throttledMs: 0,
  rateLimited: 0,
  concurrency: 8,
  ...over,
});

describe("a run's stored request stats", () => {
  it("adds a slice's client to what earlier slices stored", () => {
    const first = withClientStats(
      emptyRequestStats(),
      client({ byRouteStatus: { "GET /a": { "200": 3, "429": 1 } }, rateLimited: 1, retries: 1, throttledMs: 250.4 }),
    );
    const stored = parseRequestStats(JSON.parse(JSON.stringify(first)));
    const second = withClientStats(stored, client({ byRouteStatus: { "GET /a": { "200": 2 }, "GET /b": { none: 1 } }, retries: 2, throttledMs: 100 }));
    expect(second).toEqual({ requests: { "GET /a": { "200": 5, "429": 1 }, "GET /b": { none: 1 } }, rateLimited: 1, retries: 3, throttledMs: 350 });
    // The base is not changed in place: a commit that fails leaves the slice's base as it was.
    expect(stored.requests["GET /a"]).toEqual({ "200": 3, "429": 1 });
  });

  it("reads a run from before the column, or a damaged value, as nothing yet", () => {
    expect(parseRequestStats({})).toEqual(emptyRequestStats());
    expect(parseRequestStats(null)).toEqual(emptyRequestStats());
    expect(parseRequestStats({ requests: { "GET /a": { "200": "x", "404": -1, "500": 2 } }, retries: "3" })).toEqual({
      ...emptyRequestStats(),
      requests: { "GET /a": { "200": 0, "404": 0, "500": 2 } },
    });
  });
});
