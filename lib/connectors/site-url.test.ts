import { describe, expect, it } from "vitest";
import { siteUrlSchema } from "./site-url";

const message = (value: string, extra: string[] = []) => {
  const result = siteUrlSchema(extra).safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("site URL rules", () => {
  it("accepts a Confluence Cloud site and trims surrounding whitespace", () => {
    expect(siteUrlSchema().parse("  https://acme.atlassian.net \n")).toBe("https://acme.atlassian.net");
  });

  it("requires https", () => {
    expect(message("http://acme.atlassian.net")).toMatch(/Use https:\/\//);
  });

  it("refuses a trailing slash", () => {
    expect(message("https://acme.atlassian.net/")).toBe("Remove the trailing slash.");
  });

  it("refuses /wiki and page paths", () => {
    expect(message("https://acme.atlassian.net/wiki")).toMatch(/without \/wiki or any path/);
    expect(message("https://acme.atlassian.net/wiki/spaces/ENG/overview")).toMatch(/without \/wiki or any path/);
    expect(message("https://acme.atlassian.net/spaces/ENG")).toMatch(/without \/wiki or any path/);
  });

  it("requires a host under .atlassian.net", () => {
    expect(message("https://confluence.acme.com")).toMatch(/atlassian\.net/);
    expect(message("https://atlassian.net.evil.com")).toMatch(/atlassian\.net/);
  });

  it("explains a value that is not a URL at all", () => {
    expect(message("acme")).toMatch(/Enter a full URL/);
    expect(message("   ")).toMatch(/Enter the site URL/);
  });

  it("admits the configured extra origins, over http too, and nothing else on that host", () => {
    const extra = ["http://127.0.0.1:4010"];
    expect(siteUrlSchema(extra).parse("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(message("http://127.0.0.1:4011", extra)).toMatch(/Use https/);
    expect(message("http://127.0.0.1:4010/wiki", extra)).toMatch(/without \/wiki/);
  });
});
