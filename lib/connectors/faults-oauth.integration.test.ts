import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { CONFLUENCE_OAUTH_SCOPES, exchangeCode, InvalidGrantError, listAllSpaces } from "../confluence";
import { startTestPeer, type TestPeer } from "../confluence/test-peer";
import { db, disconnectDb } from "../db";
import { completeOAuthAuthorization, confluenceClientFor, createConnector, createConnectorSchema, getValidAccessToken, startOAuthAuthorization } from ".";
import { storeTokens } from "./oauth-tokens";
import { openField } from "./secrets";

// OAuth refresh and authorization faults (issue 13, item 12), against the simulator's
// auth.atlassian.com behind a local relay that can alter, hold or cut Atlassian's answers.
const projectDir = fileURLToPath(new URL("../..", import.meta.url));
const CALLBACK = "http://localhost:3000/api/oauth/callback";
let sim: Simulator;
let relay: TestPeer;
type TokenReply = { status: number; body: Record<string, unknown> };
/** Decides what the app receives for each token response the simulator gave. */
let onTokenResponse: (reply: TokenReply, res: ServerResponse) => Promise<void> | void;
const tokenRequests: Record<string, string>[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

const sendJson = (res: ServerResponse, reply: TokenReply): void =>
  void res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));

beforeAll(async () => {
  sim = await startSimulatorForApp();
  sim.registerApp({ callbackUrl: CALLBACK, clientId: "crash-client", clientSecret: "crash-secret" });
  relay = await startTestPeer(async (req, res) => {
    const body = await readBody(req);
    const upstream = await fetch(sim.url + req.url, {
      method: req.method,
      headers: { "content-type": req.headers["content-type"] ?? "application/json" },
      body: body || undefined,
      redirect: "manual",
    });
    if (req.url === "/auth/oauth/token") {
      tokenRequests.push(JSON.parse(body));
      return onTokenResponse({ status: upstream.status, body: await upstream.json() }, res);
    }
    res.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(Buffer.from(await upstream.arrayBuffer()));
  });
  // Read once by the app's settings: token calls now pass through the relay.
  process.env.ATLASSIAN_AUTH_URL = `${relay.url}/auth`;
});
beforeEach(async () => {
  await resetDatabase();
  tokenRequests.length = 0;
  onTokenResponse = (reply, res) => sendJson(res, reply);
});
afterAll(async () => {
  await relay.close();
  await sim.close();
  await disconnectDb();
});

/** An OAuth connector holding a real pair from the simulator, `expiresInMs` from its expiry. */
async function authorizedConnector(expiresInMs: number) {
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "oauth",
    name: "OAuth site",
    baseUrl: sim.url,
    clientId: "crash-client",
    clientSecret: "crash-secret",
  });
  const view = await createConnector(input, "test");
  const issued = sim.issueTokens({ scopes: [...CONFLUENCE_OAUTH_SCOPES], clientId: "crash-client" });
  await storeTokens(view.id, {
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token!,
    expiresAt: new Date(Date.now() + expiresInMs),
    scope: issued.scope,
  });
  await db().connector.update({ where: { id: view.id }, data: { cloudId: sim.cloudId, status: "authenticated" } });
  return { id: view.id, issued };
}

const storedRefreshToken = async (id: string) =>
  openField("refreshToken", id, (await db().oAuthToken.findUniqueOrThrow({ where: { connectorId: id } })).refreshToken);
const connectorStatus = async (id: string) => (await db().connector.findUniqueOrThrow({ where: { id } })).status;

describe("OAuth refresh (item 12)", () => {
  it("a refresh answered without a refresh_token keeps the old one, so the next refresh still works", async () => {
    const { id, issued } = await authorizedConnector(60_000);
    onTokenResponse = (reply, res) => {
      delete reply.body.refresh_token;
      sendJson(res, reply);
    };
    const first = await getValidAccessToken(id);
    expect(first).not.toBe(issued.access_token);
    expect(await storedRefreshToken(id)).toBe(issued.refresh_token);
    onTokenResponse = (reply, res) => sendJson(res, reply);
    const second = await getValidAccessToken(id, { rejectedToken: first });
    expect(second).not.toBe(first);
    expect(tokenRequests.map((r) => r.refresh_token)).toEqual([issued.refresh_token, issued.refresh_token]);
    expect(await connectorStatus(id)).toBe("authenticated");
  });

  it("a process killed after Atlassian rotated the token, before saving it, leaves a connector that still refreshes", { timeout: 60_000 }, async () => {
    const { id, issued } = await authorizedConnector(60_000);
    const child = spawn(process.execPath, ["--import", "tsx", "test/refresh-token-process.ts", id, "1500"], {
      cwd: projectDir,
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let rotatedPair: TokenReply | undefined;
    // Atlassian has answered with a new pair; the process dies before a byte of it arrives.
    onTokenResponse = async (reply, res) => {
      rotatedPair = reply;
      child.kill("SIGKILL");
      await exited;
      res.destroy();
    };
    expect(await exited).toBe("SIGKILL");
    expect(rotatedPair?.status).toBe(200);
    // The simulator rotated the token away; the database still holds the old pair.
    expect(sim.state.oauth.rotated.has(issued.refresh_token!)).toBe(true);
    expect(await storedRefreshToken(id)).toBe(issued.refresh_token);

    onTokenResponse = (reply, res) => sendJson(res, reply);
    const token = await getValidAccessToken(id);
    expect(token).not.toBe(issued.access_token);
    expect(token).not.toBe(rotatedPair!.body.access_token);
    expect(await connectorStatus(id)).toBe("authenticated");
    expect(await storedRefreshToken(id)).not.toBe(issued.refresh_token);
    expect((await listAllSpaces(await confluenceClientFor(id))).length).toBeGreaterThan(0);
    expect(tokenRequests.map((r) => r.refresh_token)).toEqual([issued.refresh_token, issued.refresh_token]);
  });

  it("holds no database transaction open while Atlassian answers, and commits the new pair before returning it", async () => {
    const { id, issued } = await authorizedConnector(60_000);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const atAtlassian = new Promise<void>((resolve) => (arrived = resolve));
    onTokenResponse = async (reply, res) => {
      arrived();
      await held;
      sendJson(res, reply);
    };
    const refreshing = getValidAccessToken(id);
    await atAtlassian;
    const open = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    expect(Number(open[0]!.n)).toBe(0);
    // Other processes see the refresh in progress (and wait for it) through the lease.
    expect((await db().oAuthToken.findUniqueOrThrow({ where: { connectorId: id } })).refreshLeaseUntil).not.toBeNull();
    release();
    const token = await refreshing;
    const row = await db().oAuthToken.findUniqueOrThrow({ where: { connectorId: id } });
    expect(openField("accessToken", id, row.accessToken)).toBe(token);
    expect(row.refreshLeaseUntil).toBeNull();
    expect(openField("refreshToken", id, row.refreshToken)).not.toBe(issued.refresh_token);
  });
});

describe("PKCE on the authorization request (item 12)", () => {
  async function consent(authorizeUrl: string): Promise<string> {
    const url = new URL(authorizeUrl);
    const form = new URLSearchParams({ ...Object.fromEntries(url.searchParams), email: sim.admin.email, site: sim.cloudId, decision: "accept" });
    const res = await fetch(`${url.origin}${url.pathname}`, { method: "POST", body: form, redirect: "manual" });
    return new URL(res.headers.get("location")!).searchParams.get("code")!;
  }

  it("the authorize URL carries an S256 challenge whose verifier is kept encrypted with the state, and the consent completes with it", async () => {
    const input = createConnectorSchema([sim.url]).parse({
      authMethod: "oauth",
      name: "PKCE",
      baseUrl: sim.url,
      clientId: "crash-client",
      clientSecret: "crash-secret",
    });
    const connector = await createConnector(input, "admin-1");
    const { authorizeUrl } = await startOAuthAuthorization(connector.id, "admin-1");
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const state = url.searchParams.get("state")!;
    const stateHash = createHash("sha256").update(state).digest("hex");
    const row = await db().oAuthState.findUniqueOrThrow({ where: { stateHash } });
    const verifier = openField("pkceVerifier", stateHash, row.codeVerifier!);
    expect(row.codeVerifier).not.toContain(verifier);
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(url.searchParams.get("code_challenge"));

    const outcome = await completeOAuthAuthorization({ code: await consent(authorizeUrl), state }, "admin-1");
    expect(outcome).toMatchObject({ ok: true, connectorId: connector.id });
    expect(tokenRequests[0]).toMatchObject({ grant_type: "authorization_code", code_verifier: verifier });
    // Used once, then erased.
    expect((await db().oAuthState.findUniqueOrThrow({ where: { stateHash } })).codeVerifier).toBeNull();
  });

  it("a code intercepted on its way back cannot be exchanged without the verifier, even with the client secret", async () => {
    const input = createConnectorSchema([sim.url]).parse({
      authMethod: "oauth",
      name: "PKCE",
      baseUrl: sim.url,
      clientId: "crash-client",
      clientSecret: "crash-secret",
    });
    const connector = await createConnector(input, "admin-1");
    const { authorizeUrl } = await startOAuthAuthorization(connector.id, "admin-1");
    const stolen = await consent(authorizeUrl);
    const attempt = exchangeCode({ authBaseUrl: sim.authUrl, clientId: "crash-client", clientSecret: "crash-secret", code: stolen, redirectUri: CALLBACK });
    await expect(attempt).rejects.toBeInstanceOf(InvalidGrantError);
  });
});
