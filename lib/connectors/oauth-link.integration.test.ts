import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { db, disconnectDb } from "../db";
import { completeOAuthAuthorization, createConnector, createConnectorSchema, createOAuthApp, startAccountLink, startOAuthAuthorization } from ".";

/**
 * Link my Atlassian account: a consent that asks only `read:me`, through the first registered
 * OAuth app for an API-token connector; the callback stores who consented. A member cannot
 * complete a connector's authorization on the same callback.
 */
let sim: Simulator;
let member: string;
let connectorId: string;

beforeAll(async () => {
  sim = await startSimulatorForApp();
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "link-client", clientSecret: "link-secret" });
});
beforeEach(async () => {
  await resetDatabase();
  member = (await db().user.create({ data: { email: "m@example.com", name: "M", passwordHash: "x", role: "member" } })).id;
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: sim.url, authMethod: "api_token", status: "active" } })).id;
});
afterAll(async () => {
  await sim.close();
  await disconnectDb();
});

/** What the consent screen posts when the person accepts as `email`. */
async function consentAs(authorizeUrl: string, email: string): Promise<string> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("email", email);
  form.set("decision", "accept");
  const res = await fetch(`${sim.authUrl}/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(res.headers.get("location")!).searchParams.get("code");
  expect(code).toBeTruthy();
  return code!;
}

it("says what an administrator must register when there is no OAuth app", async () => {
  await expect(startAccountLink(connectorId, member)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Settings → OAuth apps") });
});

it("links the person to the account that consented, asking only read:me", async () => {
  await createOAuthApp({ name: "Shared", clientId: "link-client", clientSecret: "link-secret" });
  const { authorizeUrl } = await startAccountLink(connectorId, member);
  expect(new URL(authorizeUrl).searchParams.get("scope")).toBe("read:me");
  const someone = [...sim.store.users.values()].find((u) => !u.isAdmin)!;
  const code = await consentAs(authorizeUrl, someone.email);
  const outcome = await completeOAuthAuthorization({ code, state: new URL(authorizeUrl).searchParams.get("state") }, member, false);
  expect(outcome).toMatchObject({ ok: true });
  expect(await db().confluenceAccountLink.findMany({ where: { userId: member } })).toEqual([
    expect.objectContaining({ connectorId, accountId: someone.accountId, method: "oauth" }),
  ]);
});

it("refuses a member completing a connector's authorization", async () => {
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "oauth",
    name: "O",
    baseUrl: sim.url,
    clientId: "link-client",
    clientSecret: "link-secret",
  });
  const oauthConnector = await createConnector(input, member);
  const { authorizeUrl } = await startOAuthAuthorization(oauthConnector.id, member);
  const outcome = await completeOAuthAuthorization({ code: "any", state: new URL(authorizeUrl).searchParams.get("state") }, member, false);
  expect(outcome).toMatchObject({ ok: false, reason: "forbidden" });
});
