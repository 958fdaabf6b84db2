import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "@/simulator";
import { resetDatabase } from "@/test/db";
import { simAdmin, startSimulatorForApp } from "@/test/simulator";
import { createApiKey, createFirstAdmin } from "@/lib/auth";
import { createConnector, createConnectorSchema } from "@/lib/connectors";
import { db, disconnectDb } from "@/lib/db";
import { GET } from "./route";

// Errors from Confluence through a real route handler (issue 13, item 13): each reaches the API
// as its own status and a message an admin can act on, never as a generic 500.
let sim: Simulator;
let closedOrigin: string;
let apiKey: string;

beforeAll(async () => {
  sim = await startSimulatorForApp();
  closedOrigin = await new Promise<string>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
  // Listed by the operator, so the site is reached and simply does not answer.
  process.env.CONFLUENCE_EXTRA_SITE_ORIGINS = `${sim.url},${closedOrigin}`;
});
beforeEach(async () => {
  await resetDatabase();
  await simAdmin(sim, "/faults", "DELETE");
  await simAdmin(sim, `/users/${sim.admin.accountId}`, "PATCH", { apiToken: sim.admin.apiToken });
  const admin = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
  apiKey = (await createApiKey(admin.id, "tests")).key;
});
afterAll(async () => {
  await simAdmin(sim, "/faults", "DELETE");
  await sim.close();
  await disconnectDb();
});

async function connectorId(): Promise<string> {
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "api_token",
    name: "Sim",
    baseUrl: sim.url,
    email: sim.admin.email,
    apiToken: sim.admin.apiToken,
  });
  return (await createConnector(input, (await db().user.findFirstOrThrow()).id)).id;
}

async function listSpaces(id: string): Promise<{ status: number; retryAfter: string | null; body: { error: string; message: string } }> {
  const request = new Request(`http://localhost:3000/api/connectors/${id}/spaces`, { headers: { authorization: `Bearer ${apiKey}` } });
  const response = await GET(request, { params: Promise.resolve({ id }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("GET /api/connectors/<id>/spaces when Confluence fails", () => {
  it("a revoked API token asks the admin to authenticate again (409), not a 500", async () => {
    const id = await connectorId();
    expect((await listSpaces(id)).status).toBe(200);
    await simAdmin(sim, `/users/${sim.admin.accountId}`, "PATCH", { apiToken: "revoked-by-the-owner" });
    const result = await listSpaces(id);
    expect(result.status).toBe(409);
    expect(result.body.error).toBe("REAUTH_REQUIRED");
    expect(result.body.message).toMatch(/authenticate it again/);
    expect(JSON.stringify(result.body)).not.toContain(sim.admin.apiToken);
  });

  it("a rate-limited site answers 429 with Retry-After", async () => {
    const id = await connectorId();
    await simAdmin(sim, "/faults", "PUT", { rate429: 1, retryAfterSeconds: 2 });
    const result = await listSpaces(id);
    expect(result.status).toBe(429);
    expect(result.body.error).toBe("RATE_LIMITED");
    expect(result.retryAfter).toBe("2");
    expect(result.body.message).toMatch(/rate-limiting.*2 s/);
  });

  it("a site answering 503 is reported as Confluence unavailable (502)", async () => {
    const id = await connectorId();
    await simAdmin(sim, "/faults", "PUT", { rate5xx: 1 });
    const result = await listSpaces(id);
    expect(result.status).toBe(502);
    expect(result.body).toMatchObject({ error: "UPSTREAM_UNAVAILABLE", message: expect.stringMatching(/unavailable.*503/) });
  });

  it("a site that does not answer is reported as unreachable (502), naming the host", async () => {
    const id = await connectorId();
    await db().connector.update({ where: { id }, data: { siteUrl: closedOrigin } });
    const result = await listSpaces(id);
    expect(result.status).toBe(502);
    expect(result.body.error).toBe("SITE_UNREACHABLE");
    expect(result.body.message).toContain(new URL(closedOrigin).host);
  });
});
