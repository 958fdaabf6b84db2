import { describe, expect, it } from "vitest";
import { findOperation, validateResponse } from "./openapi";

describe("OpenAPI validation helper", () => {
  it("finds the most literal spec template for a concrete path", () => {
    expect(findOperation("GET", "/wiki/api/v2/pages/123/footer-comments")?.template).toBe("/pages/{id}/footer-comments");
    expect(findOperation("GET", "/wiki/api/v2/pages/123")?.template).toBe("/pages/{id}");
  });

  it("reports schema drift, undocumented statuses and malformed Link headers", () => {
    expect(validateResponse("GET", "/wiki/api/v2/pages", 200, { results: [{ id: 5 }] }, null).ok).toBe(false);
    expect(validateResponse("GET", "/wiki/api/v2/pages", 418, {}, null).ok).toBe(false);
    expect(validateResponse("GET", "/wiki/api/v2/pages", 200, { results: [], _links: { next: "/x" } }, "/wiki/api/v2/pages?cursor=1").ok).toBe(false);
    expect(
      validateResponse(
        "GET",
        "/wiki/api/v2/pages",
        200,
        { results: [], _links: { next: "/wiki/api/v2/pages?cursor=a" } },
        '</wiki/api/v2/pages?cursor=a>; rel="next"',
      ).ok,
    ).toBe(true);
  });
});
