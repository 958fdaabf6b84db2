import { createServer } from "node:net";
import { Writable } from "node:stream";
import { createLogger } from "../logger";
import { describe, expect, it } from "vitest";
import { createConfluenceClient } from "./client";
import {
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  ResponseShapeError,
  SiteUnreachableError,
  UnauthorizedError,
  UpstreamUnavailableError,
} from "./errors";
import { ZLabel } from "./schemas";
import { basic, delay, FAST, json, usePeers, ZAnything, type TestPeer } from "./test-peer";

// Real HTTP against scripted peers: each test answers the exact sequence it needs.
const peer = usePeers();

describe("server errors and network failures", () => {
  it("retries a burst of 5xx with backoff, then succeeds", async () => {
    const p = await peer((_req, res, info) => (info.n <= 3 ? json(res, 503, { message: "busy" }) : json(res, 200, { ok: true })));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, maxRetries: 5 });
    expect(await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything })).toEqual({ ok: true });
    expect(client.stats()).toMatchObject({ requests: 4, retries: 3 });
  });

  it("persistent 5xx ends in UpstreamUnavailableError after maxRetries + 1 attempts", async () => {
    const p = await peer((_req, res) => json(res, 502, {}));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, maxRetries: 2 });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything }).catch((e) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.status).toBe(502);
    expect(error.route).toBe("GET /wiki/api/v2/spaces");
    expect(p.requests).toHaveLength(3);
  });

  it("an unreachable port ends in SiteUnreachableError naming the host", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const client = createConfluenceClient({
      siteUrl: `http://127.0.0.1:${port}`,
      trustedOrigins: [`http://127.0.0.1:${port}`],
      auth: basic,
      ...FAST,
      maxRetries: 1,
    });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything }).catch((e) => e);
    expect(error).toBeInstanceOf(SiteUnreachableError);
    expect(error.message).toBe(`The site did not answer: 127.0.0.1:${port}`);
    expect(client.stats().requests).toBe(2);
  });

  it("a request that outlives requestTimeoutMs is abandoned as SiteUnreachableError", async () => {
    const p = await peer(() => undefined);
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, maxRetries: 0, requestTimeoutMs: 100 });
    const t0 = Date.now();
    await expect(client.getJson("/wiki/api/v2/spaces", { schema: ZAnything })).rejects.toBeInstanceOf(SiteUnreachableError);
    // The peer never answers; without the timeout this would hang until the test's own limit.
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("the client's AbortSignal cancels in-flight and paused requests and stops retries", async () => {
    const p = await peer((_req, res, info) => (info.n === 1 ? json(res, 429, {}, { "Retry-After": "30" }) : undefined));
    const controller = new AbortController();
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, signal: controller.signal });
    const paused = client.getJson("/wiki/api/v2/spaces", { schema: ZAnything }).catch((e) => e);
    await delay(100);
    const queued = client.getJson("/wiki/api/v2/pages", { schema: ZAnything }).catch((e) => e);
    const t0 = Date.now();
    controller.abort(new Error("sync cancelled"));
    expect((await paused).message).toBe("sync cancelled");
    expect((await queued).message).toBe("sync cancelled");
    // The 429 asked for 30 s; cancelling must not wait for it (generous bound for a loaded machine).
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(p.requests).toHaveLength(1);
  });
});

describe("client errors are typed and not retried", () => {
  it.each([
    [400, InvalidRequestError],
    [401, UnauthorizedError],
    [403, ForbiddenError],
    [404, NotFoundError],
  ])("%i becomes %O after a single attempt", async (status, type) => {
    const p = await peer((_req, res) => json(res, status, { errors: [{ status, code: "X", title: "T", detail: "Invalid value for limit: 0" }] }));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const error = await client.getJson("/wiki/api/v2/spaces/123", { query: { limit: 0 }, schema: ZAnything }).catch((e) => e);
    expect(error).toBeInstanceOf(type);
    expect(error.status).toBe(status);
    expect(error.route).toBe("GET /wiki/api/v2/spaces/{id}");
    expect(error.message).not.toContain(basic.apiToken);
    expect(p.requests).toHaveLength(1);
    if (status === 400) expect(error.upstreamMessage).toBe("Invalid value for limit: 0");
  });

  it("a malformed body becomes ResponseShapeError naming the field path and the route", async () => {
    const p = await peer((_req, res) =>
      json(res, 200, {
        results: [
          { id: "1", name: "a", prefix: "global" },
          { id: "2", name: 7, prefix: "global" },
        ],
        _links: {},
      }),
    );
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const pages = client.paginate("/wiki/api/v2/pages/5/labels", { itemSchema: ZLabel });
    const error = await pages.next().catch((e) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error.message).toContain("results.1.name");
    expect(error.message).toContain("GET /wiki/api/v2/pages/{id}/labels");
    expect(error.problems[0].path).toBe("results.1.name");
  });

  it("a body that is not JSON becomes ResponseShapeError", async () => {
    const p = await peer((_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>"));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    await expect(client.getJson("/wiki/api/v2/spaces", { schema: ZAnything })).rejects.toThrow(/not JSON/);
  });
});

describe("requests", () => {
  it("sends Basic auth to the site and follows a Link header when _links.next is absent", async () => {
    const p = await peer((req, res) => {
      const url = new URL(req.url!, "http://x");
      if (!url.searchParams.get("cursor")) {
        return json(res, 200, { results: [{ id: "1", name: "a", prefix: "global" }] }, { Link: '</wiki/api/v2/labels?limit=1&cursor=c2>; rel="next"' });
      }
      json(res, 200, { results: [{ id: "2", name: "b", prefix: "global" }], _links: {} });
    });
    const client = createConfluenceClient({ siteUrl: p.url + "/", trustedOrigins: [p.url], auth: basic, ...FAST });
    const pages = [];
    for await (const page of client.paginate("/wiki/api/v2/labels", { query: { limit: 1 }, itemSchema: ZLabel })) pages.push(page);
    expect(pages.map((pg) => pg.results.map((l) => l.name))).toEqual([["a"], ["b"]]);
    expect(pages.map((pg) => pg.nextCursor)).toEqual(["c2", null]);
    expect(p.requests.map((r) => r.url)).toEqual(["/wiki/api/v2/labels?limit=1", "/wiki/api/v2/labels?limit=1&cursor=c2"]);
    expect(p.requests[0].authorization).toBe(`Basic ${Buffer.from("me@example.com:secret-token-123").toString("base64")}`);
  });

  it("download returns the response before the body has finished, without buffering it", async () => {
    const p = await peer(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.write("%PDF-1.4 first chunk\n");
      await delay(3_000);
      res.end("last chunk\n");
    });
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const t0 = Date.now();
    const response = await client.download("/download/attachments/100/report.pdf?version=1");
    // The body takes 3 s to finish; the response must come back well before that.
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(p.requests[0].url).toBe("/wiki/download/attachments/100/report.pdf?version=1");
    expect(await response.text()).toBe("%PDF-1.4 first chunk\nlast chunk\n");
    expect(client.stats().byRoute).toEqual({ "GET /wiki/download/attachments/{id}/{fileName}": 1 });
  });
});

describe("OAuth (gateway)", () => {
  function oauthAuth(p: TestPeer, counters: { refreshes: number }) {
    return {
      kind: "oauth" as const,
      cloudId: "cloud-1",
      apiBaseUrl: `${p.url}/api`,
      getAccessToken: async () => "old-token",
      refreshAccessToken: async () => {
        counters.refreshes++;
        await delay(20);
        return "new-token";
      },
    };
  }

  it("on a 401, refreshes once for all concurrent requests and retries them with the new token", async () => {
    const p = await peer((req, res) =>
      req.headers.authorization === "Bearer new-token" ? json(res, 200, { ok: true }) : json(res, 401, { code: 401, message: "Unauthorized" }),
    );
    const counters = { refreshes: 0 };
    const client = createConfluenceClient({ siteUrl: "https://acme.atlassian.net", auth: oauthAuth(p, counters), ...FAST });
    const results = await Promise.all(Array.from({ length: 5 }, () => client.getJson("/wiki/api/v2/spaces", { schema: ZAnything })));
    expect(results).toHaveLength(5);
    expect(counters.refreshes).toBe(1);
    expect(p.requests.every((r) => r.url.startsWith("/api/ex/confluence/cloud-1/wiki/api/v2/spaces"))).toBe(true);
  });

  it("a second 401 after the refresh is UnauthorizedError carrying Confluence's reason", async () => {
    const p = await peer((_req, res) => json(res, 401, { code: 401, message: "Unauthorized; scope does not match" }));
    const counters = { refreshes: 0 };
    const client = createConfluenceClient({ siteUrl: "https://acme.atlassian.net", auth: oauthAuth(p, counters), ...FAST });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything }).catch((e) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toContain("scope does not match");
    expect(counters.refreshes).toBe(1);
    expect(p.requests).toHaveLength(2);
  });

  it("rebases relative next links (/wiki/api/v2/...) onto the gateway", async () => {
    const p = await peer((req, res) => {
      if (!req.url!.includes("cursor="))
        return json(res, 200, {
          results: [{ id: "1", name: "a", prefix: "" }],
          _links: { next: "/wiki/api/v2/labels?cursor=n2", base: "https://acme.atlassian.net/wiki" },
        });
      json(res, 200, { results: [{ id: "2", name: "b", prefix: "" }], _links: {} });
    });
    const counters = { refreshes: 0 };
    const client = createConfluenceClient({ siteUrl: "https://acme.atlassian.net", auth: oauthAuth(p, counters), ...FAST });
    const ids: string[] = [];
    for await (const page of client.paginate("/wiki/api/v2/labels", { itemSchema: ZLabel })) ids.push(...page.results.map((l) => l.id));
    expect(ids).toEqual(["1", "2"]);
    expect(p.requests[1].url).toBe("/api/ex/confluence/cloud-1/wiki/api/v2/labels?cursor=n2");
  });
});

describe("logging", () => {
  it("logs retries and refreshes without ever writing a token or Authorization header", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const p = await peer((req, res, info) => {
      if (info.n === 1) return json(res, 429, {}, { "Retry-After": "0" });
      if (info.n === 2) return json(res, 503, {});
      if (req.headers.authorization !== "Bearer fresh-token-456") return json(res, 401, {});
      json(res, 200, { ok: true });
    });
    const client = createConfluenceClient({
      siteUrl: "https://acme.atlassian.net",
      auth: {
        kind: "oauth",
        cloudId: "c",
        apiBaseUrl: `${p.url}/api`,
        getAccessToken: async () => "stale-token-123",
        refreshAccessToken: async () => "fresh-token-456",
      },
      logger: createLogger({ level: "debug" }, sink),
      ...FAST,
    });
    await client.getJson("/wiki/api/v2/spaces", { schema: ZAnything });
    const output = lines.join("");
    expect(output).toContain("rate limited");
    expect(output).toContain("refreshing once");
    for (const secret of ["stale-token-123", "fresh-token-456", "Bearer"]) expect(output).not.toContain(secret);
  });
});
