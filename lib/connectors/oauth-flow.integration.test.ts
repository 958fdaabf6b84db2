import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { db, disconnectDb } from "../db";
import { completeOAuthAuthorization, createConnector, createConnectorSchema, startOAuthAuthorization } from ".";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulatorForApp();
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "flow-client", clientSecret: "flow-secret" });
});
beforeEach(resetDatabase);
afterAll(async () => {
  await sim.close();
  await disconnectDb();
});

async function started(userId = "admin-1") {
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "oauth",
    name: "Flow",
    baseUrl: sim.url,
    clientId: "flow-client",
    clientSecret: "flow-secret",
  });
  const connector = await createConnector(input, userId);
  const { authorizeUrl } = await startOAuthAuthorization(connector.id, userId);
  const url = new URL(authorizeUrl);
  return { connectorId: connector.id, state: url.searchParams.get("state")!, url };
}

describe("the OAuth authorization flow", () => {
  it("asks Atlassian for consent with the connector's scopes, offline access and a fresh state", async () => {
    const { url, state } = await started();
    expect(url.origin + url.pathname).toBe(`${sim.authUrl}/authorize`);
    expect(url.searchParams.get("audience")).toBe("api.atlassian.com");
    expect(url.searchParams.get("prompt")).toBe("consent");
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/oauth/callback");
    expect(url.searchParams.get("scope")).toContain("offline_access");
    expect(url.searchParams.get("scope")).toContain("read:page:confluence");
    expect(state.length).toBeGreaterThanOrEqual(40);
    // Only a hash of the state is kept.
    expect(await db().oAuthState.count({ where: { stateHash: state } })).toBe(0);
    expect(await db().oAuthState.count({ where: { stateHash: createHash("sha256").update(state).digest("hex") } })).toBe(1);
  });

  it("refuses an expired state, saying so", async () => {
    const { state } = await started();
    await db().oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const outcome = await completeOAuthAuthorization({ code: "any", state }, "admin-1");
    expect(outcome).toMatchObject({ ok: false, reason: "state_expired" });
    expect(outcome.message).toMatch(/expired/);
  });

  it("refuses a state started by another user", async () => {
    const { state } = await started("admin-1");
    expect(await completeOAuthAuthorization({ code: "any", state }, "admin-2")).toMatchObject({ ok: false, reason: "state_other_user" });
  });

  it("refuses a state it never issued, and a response without one", async () => {
    expect(await completeOAuthAuthorization({ code: "any", state: "forged" }, "admin-1")).toMatchObject({ ok: false, reason: "state_unknown" });
    expect(await completeOAuthAuthorization({ code: "any", state: null }, "admin-1")).toMatchObject({ ok: false, reason: "state_missing" });
  });

  it("explains a code Atlassian refuses, naming the callback URL to register", async () => {
    const { state, connectorId } = await started();
    const outcome = await completeOAuthAuthorization({ code: "not-a-real-code", state }, "admin-1");
    expect(outcome).toMatchObject({ ok: false, reason: "exchange_failed", connectorId });
    expect(outcome.message).toContain("http://localhost:3000/api/oauth/callback");
    expect((await db().connector.findUniqueOrThrow({ where: { id: connectorId } })).cloudId).toBeNull();
  });
});
