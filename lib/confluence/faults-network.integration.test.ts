import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createConfluenceClient } from "./client";
import { refreshTokens } from "./oauth";
import { DestinationRefusedError, RedirectRefusedError, ResponseTimeoutError, ResponseTooLargeError } from "./errors";
import { basic, delay, FAST, json, usePeers } from "./test-peer";

// Confluence and the network (issue 13, items 9-11): real HTTP against scripted local peers.
const peer = usePeers();
const ZSpaces = z.object({ results: z.array(z.unknown()) });

/** Writes 64 KiB chunks until the client hangs up; returns how many bytes went out. */
function endless(res: ServerResponse, chunk: string, contentType = "application/json"): Promise<number> {
  res.writeHead(200, { "content-type": contentType });
  const block = Buffer.from(chunk.repeat(Math.ceil(65_536 / chunk.length)));
  let sent = 0;
  return new Promise((resolve) => {
    const pump = () => {
      while (!res.destroyed && !res.writableEnded) {
        sent += block.length;
        if (!res.write(block)) return void res.once("drain", pump);
      }
    };
    res.on("close", () => resolve(sent));
    pump();
  });
}

describe("an absurd Retry-After (item 9)", () => {
  it.each([
    ["an ISO time", (at: number) => new Date(at).toISOString()],
    ["epoch seconds", (at: number) => String(Math.ceil(at / 1000))],
  ])("a 429 with Retry-After 2^63-1 waits for X-RateLimit-Reset two seconds ahead (%s), not the 60-second cap", async (_name, format) => {
    const p = await peer((_req, res, info) =>
      info.n === 1
        ? json(res, 429, {}, { "Retry-After": "9223372036854775807", "X-RateLimit-Reset": format(Date.now() + 2_000) })
        : json(res, 200, { results: [] }),
    );
    // The default cap (60 s) applies: the reset, not the cap, must decide.
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const t0 = Date.now();
    await client.getJson("/wiki/api/v2/spaces", { schema: ZSpaces });
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(10_000);
    expect(p.requests).toHaveLength(2);
  });
});

describe("redirects and private addresses (item 10)", () => {
  it("a download redirected to another local port that no operator listed is refused, and nothing reaches that port", async () => {
    const elsewhere = await peer((_req, res) => json(res, 200, { stolen: true }));
    const site = await peer((req, res) => {
      if (req.url === "/wiki/download/attachments/1/a.txt") return void res.writeHead(302, { location: `${elsewhere.url}/latest/meta-data/` }).end();
      if (req.url === "/wiki/download/attachments/1/b.txt") return void res.writeHead(302, { location: "/wiki/files/b.txt" }).end();
      res.writeHead(200, { "content-type": "text/plain" }).end(req.headers.authorization ? "b, with credentials" : "b, anonymous");
    });
    const client = createConfluenceClient({ siteUrl: site.url, trustedOrigins: [site.url], auth: basic, ...FAST });
    const error = await client.download("/wiki/download/attachments/1/a.txt").catch((e) => e);
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error.message).toContain(elsewhere.url);
    expect(elsewhere.requests).toHaveLength(0);
    // Refused, not retried; a redirect within the site itself is still followed.
    expect(site.requests).toHaveLength(1);
    expect(await (await client.download("/wiki/download/attachments/1/b.txt")).text()).toBe("b, with credentials");
  });

  it("a 307 on the token endpoint is not followed: the client secret and refresh token go nowhere else", async () => {
    const thief = await peer((_req, res) => json(res, 200, { access_token: "a", refresh_token: "r", expires_in: 3600 }));
    const auth = await peer((_req, res) => void res.writeHead(307, { location: `${thief.url}/oauth/token` }).end());
    const error = await refreshTokens({ authBaseUrl: auth.url, clientId: "cid", clientSecret: "the-client-secret", refreshToken: "the-refresh-token" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error.message).toMatch(/never redirected/);
    expect(thief.requests).toHaveLength(0);
    expect(auth.requests).toHaveLength(1);
  });

  it("a redirect to the cloud metadata address (169.254.169.254) is refused", async () => {
    const site = await peer((_req, res) => {
      res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" }).end();
    });
    const client = createConfluenceClient({ siteUrl: site.url, trustedOrigins: [site.url], auth: basic, ...FAST });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZSpaces }).catch((e) => e);
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error.message).toContain("169.254.169.254");
  });

  it("a site at a link-local or loopback address is never connected to unless its origin is listed", async () => {
    const p = await peer((_req, res) => json(res, 200, { results: [] }));
    const port = new URL(p.url).port;
    for (const siteUrl of ["http://169.254.169.254", `http://127.0.0.1:${port}`, `http://[::1]:${port}`]) {
      const client = createConfluenceClient({ siteUrl, auth: basic, ...FAST, requestTimeoutMs: 2_000 });
      const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZSpaces }).catch((e) => e);
      expect(error, siteUrl).toBeInstanceOf(DestinationRefusedError);
    }
    expect(p.requests).toHaveLength(0);
  });

  it("a hostname that resolves to 127.0.0.1 is refused after DNS, while the listed 127.0.0.1 origin works", async () => {
    const p = await peer((_req, res) => json(res, 200, { results: [] }));
    const port = new URL(p.url).port;
    // 127.0.0.1:port is listed; localhost:port is the same socket by another name, and is not.
    const byName = createConfluenceClient({ siteUrl: `http://localhost:${port}`, trustedOrigins: [p.url], auth: basic, ...FAST });
    const error = await byName.getJson("/wiki/api/v2/spaces", { schema: ZSpaces }).catch((e) => e);
    expect(error).toBeInstanceOf(DestinationRefusedError);
    expect(error.message).toMatch(/localhost.*loopback/);
    expect(p.requests).toHaveLength(0);
    const listed = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    await expect(listed.getJson("/wiki/api/v2/spaces", { schema: ZSpaces })).resolves.toEqual({ results: [] });
  });
});

describe("response size and time (item 11)", () => {
  it("a JSON page that never ends stops at the 32 MiB cap with ResponseTooLargeError instead of filling memory", async () => {
    let sent: Promise<number> | undefined;
    const p = await peer((_req, res) => void (sent = endless(res, '{"id":"1","key":"K","name":"space"},')));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const error = await client.getJson("/wiki/api/v2/spaces", { schema: ZSpaces }).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limitBytes).toBe(32 * 1024 * 1024);
    // Not retried, and the peer was cut off soon after the limit.
    expect(p.requests).toHaveLength(1);
    expect(await sent).toBeLessThan(48 * 1024 * 1024);
  });

  it("a download larger than its limit stops streaming at the limit with ResponseTooLargeError", async () => {
    let sent: Promise<number> | undefined;
    const p = await peer((_req, res) => void (sent = endless(res, "x", "application/octet-stream")));
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, maxDownloadBytes: 1024 * 1024 });
    const response = await client.download("/wiki/download/attachments/1/big.bin");
    let received = 0;
    const reader = response.body!.getReader();
    const error = await (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.byteLength;
    })().catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(received).toBeLessThanOrEqual(1024 * 1024);
    expect(await sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("a download whose Content-Length is over the limit is refused before a byte is read", async () => {
    const p = await peer((_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": String(60 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    });
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const error = await client.download("/wiki/download/attachments/1/huge.pdf").catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limitBytes).toBe(50 * 1024 * 1024);
  });

  it("a download that trickles past its deadline fails with ResponseTimeoutError, though the headers came at once", async () => {
    const p = await peer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      while (!res.destroyed) {
        res.write("x");
        await delay(50);
      }
    });
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST, requestTimeoutMs: 5_000 });
    const t0 = Date.now();
    const response = await client.download("/wiki/download/attachments/1/slow.txt", { timeoutMs: 600 });
    const error = await response.arrayBuffer().catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTimeoutError);
    // Each byte came well within any idle timeout; only a deadline on the whole body stops it.
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it("a download's deadline holds even while the reader is not reading", async () => {
    const p = await peer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first bytes");
    });
    const client = createConfluenceClient({ siteUrl: p.url, trustedOrigins: [p.url], auth: basic, ...FAST });
    const response = await client.download("/wiki/download/attachments/1/stuck.txt", { timeoutMs: 300 });
    await delay(500);
    const reader = response.body!.getReader();
    await expect(reader.read()).rejects.toBeInstanceOf(ResponseTimeoutError);
  });
});
