import { describe, expect, it } from "vitest";
import { siteUrlSchema } from "./site-url";

// The site URL (issue 13, item 14): ports are refused for Cloud sites, any case of host is
// accepted and stored lowercased, and each rule says what is wrong with the value typed.
const message = (value: string, extra: string[] = []) => {
  const result = siteUrlSchema(extra).safeParse(value);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe("the site URL a user types", () => {
  it("refuses a port on a Confluence Cloud site, saying so", () => {
    expect(message("https://acme.atlassian.net:8443")).toEqual(["Remove the port (:8443); Confluence Cloud sites answer on the standard HTTPS port."]);
    expect(message("https://acme.atlassian.net:22")).toEqual(["Remove the port (:22); Confluence Cloud sites answer on the standard HTTPS port."]);
  });

  it("accepts a host typed in capitals and stores it lowercased", () => {
    expect(siteUrlSchema().parse("https://ACME.Atlassian.NET")).toBe("https://acme.atlassian.net");
    expect(siteUrlSchema(["http://127.0.0.1:4010"]).parse("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });

  it("gives a capitalised URL with a slash or a path the message for that, not a generic one", () => {
    expect(message("https://ACME.atlassian.net/")).toEqual(["Remove the trailing slash."]);
    expect(message("https://ACME.atlassian.net/wiki")).toEqual([expect.stringMatching(/without \/wiki or any path/)]);
  });

  it("has one message per rule for credentials, a query and a fragment", () => {
    expect(message("https://me:secret@acme.atlassian.net")).toEqual([expect.stringMatching(/^Remove the user name and password/)]);
    expect(message("https://acme.atlassian.net?os_authType=basic")).toEqual([expect.stringMatching(/^Remove the query/)]);
    expect(message("https://acme.atlassian.net#top")).toEqual([expect.stringMatching(/^Remove the # part/)]);
  });

  it("keeps the port of a listed origin, and refuses the same host on another port", () => {
    const extra = ["http://127.0.0.1:4010"];
    expect(siteUrlSchema(extra).parse("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(message("http://127.0.0.1:4011", extra)).toEqual(["Use https:// (Confluence Cloud only answers over HTTPS)."]);
    expect(message("https://127.0.0.1:4011", extra)).toEqual([expect.stringMatching(/^Remove the port \(:4011\)/)]);
  });
});
