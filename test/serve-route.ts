import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Serves route handlers (a module's exported GET, POST, DELETE) over real HTTP on a free port, so
 * a test can use an HTTP client made by someone else (the MCP SDK's) against the app's own code.
 */
export async function serveRoute(path: string, handlers: Partial<Record<"GET" | "POST" | "DELETE", Handler>>) {
  const server = http.createServer((req, res) => void answer(req, res));
  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = `http://${req.headers.host}${req.url}`;
    const handler = new URL(url).pathname === path ? handlers[req.method as "GET" | "POST" | "DELETE"] : undefined;
    if (!handler) return void res.writeHead(404).end();
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream);
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
    const response = await handler(new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit));
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
