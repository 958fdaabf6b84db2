import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { CONFLUENCE_OAUTH_SCOPES, listAllSpaces } from "../confluence";
import { db, disconnectDb } from "../db";
import { confluenceClientFor, createConnector, createConnectorSchema, getValidAccessToken, ReauthenticationRequiredError } from ".";
import { storeTokens } from "./oauth-tokens";

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulatorForApp();
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "race-client", clientSecret: "race-secret" });
});
afterAll(async () => {
  await sim.close();
  await disconnectDb();
});
beforeEach(resetDatabase);

/** An OAuth connector holding a real token pair from the simulator, already past its refresh point. */
async function authorizedConnector(expiresInMs: number) {
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "oauth",
    name: "OAuth site",
    baseUrl: sim.url,
    clientId: "race-client",
    clientSecret: "race-secret",
  });
  const view = await createConnector(input, "test");
  const issued = sim.issueTokens({ scopes: [...CONFLUENCE_OAUTH_SCOPES], clientId: "race-client" });
  await storeTokens(view.id, {
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token!,
    expiresAt: new Date(Date.now() + expiresInMs),
    scope: issued.scope,
  });
  await db().connector.update({ where: { id: view.id }, data: { cloudId: sim.cloudId, status: "authenticated" } });
  return { id: view.id, issued };
}

describe("OAuth tokens", () => {
  it("are used as they are while far from expiry", async () => {
    const { id, issued } = await authorizedConnector(60 * 60_000);
    expect(await getValidAccessToken(id)).toBe(issued.access_token);
  });

  it("refresh once when two callers race, and both get the new valid token", async () => {
    const { id, issued } = await authorizedConnector(60_000);
    const refreshesBefore = sim.state.oauth.refreshes;
    const [a, b] = await Promise.all([getValidAccessToken(id), getValidAccessToken(id)]);
    expect(a).toBe(b);
    expect(a).not.toBe(issued.access_token);
    // One refresh at Atlassian: the reuse leeway is a fallback for crashes, not for races.
    expect(sim.state.oauth.refreshes - refreshesBefore).toBe(1);
    expect((await db().connector.findUniqueOrThrow({ where: { id } })).status).toBe("authenticated");
    const client = await confluenceClientFor(id);
    expect((await listAllSpaces(client)).length).toBeGreaterThan(0);
    // And the stored refresh token is the live one: a forced refresh still works.
    expect(await getValidAccessToken(id, { rejectedToken: a })).not.toBe(a);
  });

  it("move the connector to Needs re-authentication when the refresh token is refused", async () => {
    const { id } = await authorizedConnector(60_000);
    // Rotate the pair behind the app's back, past Atlassian's reuse leeway: the refresh token it holds is now dead.
    const row = await db().oAuthToken.findUniqueOrThrow({ where: { connectorId: id } });
    await getValidAccessToken(id);
    await db().oAuthToken.update({ where: { connectorId: id }, data: { refreshToken: row.refreshToken, expiresAt: new Date(0) } });
    sim.state.oauth.refreshLeewaySeconds = 0;
    await new Promise((r) => setTimeout(r, 5));
    try {
      await expect(getValidAccessToken(id)).rejects.toBeInstanceOf(ReauthenticationRequiredError);
    } finally {
      sim.state.oauth.refreshLeewaySeconds = 600;
    }
    const connector = await db().connector.findUniqueOrThrow({ where: { id } });
    expect(connector.status).toBe("needs_reauth");
    expect(connector.statusMessage).toMatch(/authenticate again/);
  });
});
