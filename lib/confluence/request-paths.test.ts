import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "./link-header";
import { buildQuery, withQuery } from "./query";
import { routeKey } from "./route-key";
import { cursorOf, toSitePath } from "./site-path";

describe("buildQuery", () => {
  it("joins arrays with commas and stringifies numbers and booleans", () => {
    const q = buildQuery({ keys: ["ENG", "HR"], limit: 250, "serialize-ids-as-strings": true, "body-format": "storage" });
    expect(q.toString()).toBe("keys=ENG%2CHR&limit=250&serialize-ids-as-strings=true&body-format=storage");
  });

  it("leaves out undefined, null and empty arrays", () => {
    expect(buildQuery({ a: undefined, b: null, c: [], d: 0 }).toString()).toBe("d=0");
  });

  it("merges into a path that already has a query, the new values winning", () => {
    expect(withQuery("/wiki/api/v2/pages?limit=25&cursor=abc", { limit: 250 })).toBe("/wiki/api/v2/pages?limit=250&cursor=abc");
    expect(withQuery("/wiki/api/v2/pages", undefined)).toBe("/wiki/api/v2/pages");
  });
});

describe("routeKey", () => {
  it("replaces ids with placeholders and drops the query", () => {
    expect(routeKey("get", "/wiki/api/v2/spaces/32769/pages?limit=250&cursor=x")).toBe("GET /wiki/api/v2/spaces/{id}/pages");
    expect(routeKey("GET", "/wiki/api/v2/attachments/att123")).toBe("GET /wiki/api/v2/attachments/{id}");
    expect(routeKey("GET", "/wiki/rest/api/group/6f1c2d3e-aaaa-4bbb-8ccc-123456789abc/membersByGroupId")).toBe(
      "GET /wiki/rest/api/group/{id}/membersByGroupId",
    );
    expect(routeKey("GET", "/wiki/rest/api/content/100123/restriction/byOperation/read")).toBe("GET /wiki/rest/api/content/{id}/restriction/byOperation/read");
  });

  it("keeps version segments and fixed words", () => {
    expect(routeKey("GET", "/wiki/api/v2/spaces")).toBe("GET /wiki/api/v2/spaces");
    expect(routeKey("GET", "/wiki/rest/api/search")).toBe("GET /wiki/rest/api/search");
  });

  it("folds attachment download URLs (container id and file name) into one route", () => {
    expect(routeKey("GET", "/wiki/download/attachments/100123/Quarterly%20report.pdf?version=2&api=v2")).toBe("GET /wiki/download/attachments/{id}/{fileName}");
    expect(routeKey("GET", "/wiki/download/attachments/7/readme")).toBe("GET /wiki/download/attachments/{id}/{fileName}");
  });
});

describe("parseLinkHeader", () => {
  it("reads the next and base relations of Confluence's Link header", () => {
    const header = '</wiki/api/v2/pages?limit=2&cursor=eyJrIjoxfQ>; rel="next", <https://acme.atlassian.net/wiki>; rel="base"';
    expect(parseLinkHeader(header)).toEqual({ next: "/wiki/api/v2/pages?limit=2&cursor=eyJrIjoxfQ", base: "https://acme.atlassian.net/wiki" });
  });

  it("returns nothing for a missing header or one without rel", () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader("<https://x>")).toEqual({});
  });

  it("accepts unquoted rel values", () => {
    expect(parseLinkHeader("</a?cursor=1>; rel=next")).toEqual({ next: "/a?cursor=1" });
  });
});

describe("toSitePath", () => {
  it("keeps /wiki paths, adds /wiki to context-relative v1 links and download links", () => {
    expect(toSitePath("/wiki/api/v2/pages?cursor=a")).toBe("/wiki/api/v2/pages?cursor=a");
    expect(toSitePath("/rest/api/search?cql=type%3Dpage&cursor=b&next=true")).toBe("/wiki/rest/api/search?cql=type%3Dpage&cursor=b&next=true");
    expect(toSitePath("/download/attachments/1/a.pdf?version=1")).toBe("/wiki/download/attachments/1/a.pdf?version=1");
  });

  it("strips the origin of absolute site or gateway links", () => {
    expect(toSitePath("https://acme.atlassian.net/wiki/api/v2/pages?cursor=c")).toBe("/wiki/api/v2/pages?cursor=c");
    expect(toSitePath("https://api.atlassian.com/ex/confluence/abc/wiki/api/v2/pages?cursor=d")).toBe("/wiki/api/v2/pages?cursor=d");
  });

  it("extracts the cursor of a next link", () => {
    expect(cursorOf("/wiki/api/v2/pages?limit=2&cursor=xyz")).toBe("xyz");
    expect(cursorOf("/wiki/rest/api/group?start=200")).toBeNull();
  });
});
