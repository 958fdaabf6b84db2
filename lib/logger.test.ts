import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

/** A logger writing into memory, and what it wrote. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: "debug" }, sink), output: () => lines.join("") };
}

describe("logger", () => {
  it("never writes secrets, wherever they sit in the logged object", () => {
    const { log, output } = capture();
    log.info(
      {
        apiToken: "ATATT-token-1",
        connector: { clientSecret: "client-secret-2", refreshToken: "refresh-3", name: "Acme" },
        request: { headers: { authorization: "Bearer cck_abc-4" } },
        password: "hunter2hunter2",
      },
      "connecting",
    );
    for (const secret of ["ATATT-token-1", "client-secret-2", "refresh-3", "cck_abc-4", "hunter2hunter2"]) {
      expect(output()).not.toContain(secret);
    }
    expect(output()).toContain("Acme");
    expect(output()).toContain("[redacted]");
  });

  // Each shape that passed through the old path-based redaction, logged and read back.
  const shapes: [string, (log: ReturnType<typeof capture>["log"]) => void, string][] = [
    [
      "an OAuth token response, three levels down",
      (log) => log.info({ run: { refresh: { response: { access_token: "oauth-access-1" } } } }, "x"),
      "oauth-access-1",
    ],
    ["refresh_token in snake case", (log) => log.info({ body: { refresh_token: "oauth-refresh-2" } }, "x"), "oauth-refresh-2"],
    ["client_secret in a token request", (log) => log.info({ form: { grant_type: "refresh_token", client_secret: "client-sec-3" } }, "x"), "client-sec-3"],
    [
      "an Authorization header in title case",
      (log) => log.info({ req: { headers: { Authorization: "Basic YWRtaW46c2VjcmV0LTQ=" } } }, "x"),
      "YWRtaW46c2VjcmV0LTQ=",
    ],
    ["a set-cookie response header", (log) => log.info({ res: { headers: { "set-cookie": ["next-auth.session-token=cookie-5; Path=/"] } } }, "x"), "cookie-5"],
    ["apiToken inside an array", (log) => log.info({ connectors: [{ name: "a", apiToken: "api-token-6" }] }, "x"), "api-token-6"],
    ["PASSWORD in upper case", (log) => log.info({ input: { PASSWORD: "upper-pass-7" } }, "x"), "upper-pass-7"],
    ["?token= in a URL", (log) => log.info({ url: "https://x.atlassian.net/download?token=url-token-8&x=1" }, "x"), "url-token-8"],
    ["code= in a callback URL", (log) => log.info({ url: "http://localhost:3000/api/oauth/callback?state=s&code=auth-code-9" }, "x"), "auth-code-9"],
    ["access_token= in the message", (log) => log.warn("GET https://api.atlassian.com/me?access_token=msg-token-10 failed"), "msg-token-10"],
    [
      "a password in a database URL",
      (log) => log.error({ err: new Error("connect failed: postgresql://app:db-pass-11@10.0.0.5:5432/app") }, "x"),
      "db-pass-11",
    ],
    ["a Bearer token in an error message", (log) => log.error(new Error("request with Bearer eyJhbGciOi.bearer-12 refused")), "bearer-12"],
    ["a secret in a child logger's bindings", (log) => log.child({ connector: { oauth: { accessToken: "child-binding-13" } } }).info("x"), "child-binding-13"],
    [
      "a secret on an error's own field",
      (log) => log.error({ err: Object.assign(new Error("boom"), { config: { headers: { authorization: "Bearer err-field-14" } } }) }, "x"),
      "err-field-14",
    ],
  ];
  for (const [shape, write, secret] of shapes) {
    it(`redacts ${shape}`, () => {
      const { log, output } = capture();
      write(log);
      expect(output()).not.toContain(secret);
      expect(output()).toContain("[redacted]");
    });
  }

  it("keeps what is not secret: names, counts, error codes and URLs without tokens", () => {
    const { log, output } = capture();
    log.info({ connectorId: "c1", code: "P2002", tokenType: "bearer", pages: 12, url: "https://x.atlassian.net/wiki/api/v2/pages?limit=250" }, "synced");
    const line = JSON.parse(output());
    expect(line).toMatchObject({
      connectorId: "c1",
      code: "P2002",
      tokenType: "bearer",
      pages: 12,
      url: "https://x.atlassian.net/wiki/api/v2/pages?limit=250",
      msg: "synced",
    });
  });

  it("redacts a megabyte of pathological text in well under a second", () => {
    const { log, output } = capture();
    const text = "a".repeat(500_000) + " ".repeat(500_000) + "://" + "b".repeat(100_000) + "Bearer " + " ".repeat(100_000);
    const started = performance.now();
    log.info({ text }, "big");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(output().length).toBeGreaterThan(1_000_000);
  });
});
