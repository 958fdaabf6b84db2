import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import { z } from "zod";
import type { ConfluenceClientOptions } from "./client";

/**
 * For tests only: a tiny real HTTP server that answers a scripted sequence (429 then 200, 503
 * bursts, malformed bodies…) and records what arrived, including how many requests overlapped.
 */
export interface PeerRequest {
  n: number;
  method: string;
  url: string;
  authorization: string | undefined;
  at: number;
  inFlightAtArrival: number;
}

export interface TestPeer {
  url: string;
  requests: PeerRequest[];
  peakInFlight(from?: number, to?: number): number;
  close(): Promise<void>;
}

export type PeerHandler = (req: IncomingMessage, res: ServerResponse, info: PeerRequest) => void | Promise<void>;

export async function startTestPeer(handler: PeerHandler): Promise<TestPeer> {
  const requests: PeerRequest[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    const info: PeerRequest = {
      n: requests.length + 1,
      method: req.method ?? "GET",
      url: req.url ?? "/",
      authorization: req.headers.authorization,
      at: Date.now(),
      inFlightAtArrival: inFlight,
    };
    requests.push(info);
    res.on("close", () => inFlight--);
    Promise.resolve(handler(req, res, info)).catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    peakInFlight: (from = 0, to = Number.POSITIVE_INFINITY) => Math.max(0, ...requests.filter((r) => r.n >= from && r.n <= to).map((r) => r.inFlightAtArrival)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the scripted-peer tests share: a tiny body schema, quick retries, Basic credentials. */
export const ZAnything = z.object({ ok: z.boolean() });
export const FAST = { maxRetries: 3, retryBaseMs: 5, maxRetryDelayMs: 20 } satisfies Partial<ConfluenceClientOptions>;
export const basic = { kind: "basic" as const, email: "me@example.com", apiToken: "secret-token-123" };

/** Peers started through the returned function are closed after each test. */
export function usePeers(): (handler: PeerHandler) => Promise<TestPeer> {
  let peers: TestPeer[] = [];
  afterEach(async () => {
    await Promise.all(peers.map((p) => p.close()));
    peers = [];
  });
  return async (handler) => {
    const p = await startTestPeer(handler);
    peers.push(p);
    return p;
  };
}
