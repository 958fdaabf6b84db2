import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { DELETE, GET, POST } from "../../app/api/mcp/route";
import { resetDatabase } from "../../test/db";
import { serveRoute } from "../../test/serve-route";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { createApiKey, revokeApiKey } from "../auth";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { requestSync } from "../sync";

/**
 * The MCP endpoint through the SDK's own client over HTTP: two members linked (by email) to
 * different Confluence accounts ask the same question and get different answers; a record one of
 * them may not see does not exist for them; a revoked key is refused; a bad tool call gets a
 * structured error.
 */
let sim: Simulator;
let endpoint: { url: string; close: () => Promise<void> };
const keys: Record<string, { id: string; key: string; userId: string }> = {};
const page: Record<string, string> = {};

const json = async (r: Response) => (await r.json()) as Record<string, unknown>;

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 13, spaces: 2, pages: 10, burstPerSecond: 0 });
  await resetDatabase();
  const space = [...sim.store.spaces.values()].find((s) => s.type === "global" && s.permissions.some((p) => p.principalType === "group"))!;
  const account = async (name: string) =>
    String(
      (
        await json(
          await simAdmin(sim, "/users", "POST", { email: `${name}@example.com`, displayName: name, apiToken: `${name}-t`, groups: ["confluence-users"] }),
        )
      ).accountId,
    );
  const amy = await account("amy");
  await account("ben");
  const group = String((await json(await simAdmin(sim, "/groups", "POST", { name: "vault-team" }))).id);
  await simAdmin(sim, `/groups/${group}/members`, "POST", { accountId: amy });
  for (const [key, title] of [
    ["open", "Wombat open handbook"],
    ["secret", "Wombat vault plans"],
  ] as const)
    page[key] = String((await json(await simAdmin(sim, "/pages", "POST", { spaceKey: space.key, title, body: `<p>The glimmerwomb ${key} notes.</p>` }))).id);
  await simAdmin(sim, `/pages/${page.secret}/restrictions`, "PUT", { users: [], groups: [group] });
  const connectorId = await configuredConnector(sim);
  for (const name of ["amy", "ben"]) {
    const user = await db().user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "member" } });
    const created = await createApiKey(user.id, "assistant");
    keys[name] = { id: created.apiKey.id, key: created.key, userId: user.id };
  }
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  await driveRun(run.id);
  endpoint = await serveRoute("/api/mcp", { GET, POST, DELETE });
}, 180_000);

afterAll(async () => {
  await endpoint?.close();
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

async function connect(apiKey: string) {
  const client = new Client({ name: "test-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers: { authorization: `Bearer ${apiKey}` } } }));
  return client;
}

type ToolAnswer = { isError?: boolean; content: { type: string; text: string }[] };
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const answer = (await client.callTool({ name, arguments: args })) as ToolAnswer;
  return {
    isError: !!answer.isError,
    text: answer.content[0]!.text,
    body: answer.isError ? null : (JSON.parse(answer.content[0]!.text) as Record<string, unknown>),
  };
}
const titlesOf = (body: Record<string, unknown> | null) => ((body?.results ?? []) as { title: string }[]).map((r) => r.title).sort();

describe("the MCP server", () => {
  it("offers search, fetch and list_spaces, and two linked people get different answers to the same search", async () => {
    const [amy, ben] = [await connect(keys.amy!.key), await connect(keys.ben!.key)];
    expect((await amy.listTools()).tools.map((t) => t.name).sort()).toEqual(["fetch", "list_spaces", "search"]);
    expect(titlesOf((await call(amy, "search", { query: "glimmerwomb" })).body)).toEqual(["Wombat open handbook", "Wombat vault plans"]);
    const benSees = await call(ben, "search", { query: "glimmerwomb" });
    expect(titlesOf(benSees.body)).toEqual(["Wombat open handbook"]);
    expect((benSees.body!.results as { url: string; recordId: string; breadcrumb: string; snippet: string }[])[0]).toMatchObject({
      url: expect.stringContaining(page.open!),
      snippet: expect.stringContaining("**glimmerwomb**"),
    });
    const spaces = (await call(ben, "list_spaces", {})).body!.spaces as { key: string }[];
    expect(spaces.length).toBeGreaterThan(0);
    await Promise.all([amy.close(), ben.close()]);
  });

  it("fetches a record by id or Confluence link for someone who may see it, and not for someone who may not", async () => {
    const [amy, ben] = [await connect(keys.amy!.key), await connect(keys.ben!.key)];
    const secret = (await call(amy, "search", { query: "vault" })).body!.results as { recordId: string; url: string }[];
    const byId = await call(amy, "fetch", { id: secret[0]!.recordId });
    expect(byId.body).toMatchObject({ title: "Wombat vault plans", markdown: expect.stringContaining("glimmerwomb secret notes") });
    expect((await call(amy, "fetch", { id: secret[0]!.url })).body).toMatchObject({ id: secret[0]!.recordId });
    for (const id of [secret[0]!.recordId, secret[0]!.url]) {
      const refused = await call(ben, "fetch", { id });
      expect(refused.isError).toBe(true);
      expect(refused.text).toMatch(/No record/);
    }
    await Promise.all([amy.close(), ben.close()]);
  });

  it("answers a malformed tool call with a structured error, and refuses a revoked key", async () => {
    const amy = await connect(keys.amy!.key);
    const bad = await amy.callTool({ name: "search", arguments: { query: 42, limit: 500 } }).catch((err: unknown) => ({ rejected: err }));
    // The SDK reports invalid arguments as a tool error naming the fields (or a JSON-RPC error); either way, structured.
    const text = "rejected" in bad ? String((bad.rejected as Error).message) : (bad as ToolAnswer).content[0]!.text;
    if (!("rejected" in bad)) expect((bad as ToolAnswer).isError).toBe(true);
    expect(text).toMatch(/query/);
    expect(text).toMatch(/limit/);
    await amy.close();

    await revokeApiKey(keys.ben!.userId, keys.ben!.id);
    await expect(connect(keys.ben!.key)).rejects.toThrow(/401|not valid|revoked/i);
    const raw = await fetch(endpoint.url, {
      method: "POST",
      headers: { authorization: `Bearer ${keys.ben!.key}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: "UNAUTHENTICATED" });
  });
});
