import { describe, expect, it } from "vitest";
import {
  ConfluenceError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  ResponseShapeError,
  InvalidGrantError,
  SiteUnreachableError,
  UnauthorizedError,
  UpstreamUnavailableError,
  errorForStatus,
  toAppError,
  upstreamMessageOf,
} from "./errors";

describe("upstreamMessageOf", () => {
  it("reads Confluence's message from v2, v1, gateway and OAuth error bodies", () => {
    expect(
      upstreamMessageOf({ errors: [{ status: 400, code: "INVALID_REQUEST_PARAMETER", title: "Bad Request", detail: "limit must be between 1 and 250" }] }),
    ).toBe("limit must be between 1 and 250");
    expect(upstreamMessageOf({ errors: [{ status: 404, title: "Not Found", detail: null }] })).toBe("Not Found");
    expect(upstreamMessageOf({ statusCode: 400, message: "Could not parse cql" })).toBe("Could not parse cql");
    expect(upstreamMessageOf({ code: 401, message: "Unauthorized; scope does not match" })).toBe("Unauthorized; scope does not match");
    expect(upstreamMessageOf({ error: "invalid_grant", error_description: "Unknown or invalid refresh token." })).toBe("Unknown or invalid refresh token.");
    expect(upstreamMessageOf("<html>")).toBeUndefined();
  });
});

describe("errorForStatus", () => {
  it("maps each status to its typed error, keeping status and route", () => {
    const route = "GET /wiki/api/v2/pages/{id}";
    const cases: [number, new (...args: never[]) => ConfluenceError][] = [
      [400, InvalidRequestError],
      [401, UnauthorizedError],
      [403, ForbiddenError],
      [404, NotFoundError],
      [500, UpstreamUnavailableError],
      [503, UpstreamUnavailableError],
      [409, ConfluenceError],
    ];
    for (const [status, type] of cases) {
      const error = errorForStatus(status, route, undefined);
      expect(error, String(status)).toBeInstanceOf(type);
      expect(error.status).toBe(status);
      expect(error.route).toBe(route);
      expect(error.name).toBe(type.name);
    }
  });

  it("keeps Confluence's explanation of a 400 for the user", () => {
    const error = errorForStatus(400, "GET /wiki/rest/api/search", { message: "Could not parse cql" }) as InvalidRequestError;
    expect(error.upstreamMessage).toBe("Could not parse cql");
    expect(error.message).toContain("Could not parse cql");
  });
});

describe("ResponseShapeError", () => {
  it("names the first field path, the route and how many more problems there were", () => {
    const error = new ResponseShapeError(
      [
        { path: "results.3.version.number", message: "Invalid input: expected number, received undefined" },
        { path: "results.4.title", message: "Invalid input" },
      ],
      { route: "GET /wiki/api/v2/pages", status: 200 },
    );
    expect(error.message).toBe(
      "Unexpected response from Confluence for GET /wiki/api/v2/pages: results.3.version.number: Invalid input: expected number, received undefined (and 1 more)",
    );
  });
});

describe("toAppError", () => {
  const route = "GET /wiki/api/v2/spaces";
  it.each([
    [new UnauthorizedError("m", { route }), "REAUTH_REQUIRED", 409, /authenticate it again/],
    [new InvalidGrantError("m", { route }), "REAUTH_REQUIRED", 409, /authenticate it again/],
    [new ForbiddenError("m", { route }), "UPSTREAM_AUTH", 502, /denied the connector's account access/],
    [new NotFoundError("m", { route }), "NOT_FOUND", 404, /did not find GET \/wiki\/api\/v2\/spaces/],
    [new RateLimitedError("m", { route }, 1500), "RATE_LIMITED", 429, /try again in 2 s/],
    [new SiteUnreachableError("acme.atlassian.net", { route }), "SITE_UNREACHABLE", 502, /did not answer \(acme\.atlassian\.net\)/],
    [new UpstreamUnavailableError("m", { route, status: 503 }), "UPSTREAM_UNAVAILABLE", 502, /unavailable right now \(it answered 503\)/],
  ] as const)("maps %s onto its code, status and a message an admin can act on", (error, code, status, message) => {
    const mapped = toAppError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.status).toBe(status);
    expect(mapped.message).toMatch(message);
  });

  it("carries Retry-After (whole seconds, at least 1) for a rate limit", () => {
    expect(toAppError(new RateLimitedError("m", { route }, 1500)).retryAfterSeconds).toBe(2);
    expect(toAppError(new RateLimitedError("m", { route }, 0)).retryAfterSeconds).toBe(1);
  });
});
