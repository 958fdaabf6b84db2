import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type Simulator } from "../../simulator";
import { createConfluenceClient } from "./client";
import { UnauthorizedError } from "./errors";
import { listAllSpaces } from "./list-spaces";
import {
  InvalidGrantError,
  OAuthRequestError,
  buildAuthorizeUrl,
  createPkcePair,
  exchangeCode,
  fetchAccessibleResources,
  refreshTokens,
  type OAuthTokens,
} from "./oauth";
import { CONFLUENCE_OAUTH_SCOPES } from "./oauth-scopes";
import { ZContentRestrictionRead, ZCqlSearchResult, ZGroup } from "./schemas-v1";
import { ZAttachment, ZFooterComment, ZPage, ZSpacePermission, ZUsersBulk } from "./schemas";

// OAuth 2.0 (3LO) against the simulator's auth.atlassian.com (/auth) and api.atlassian.com (/api).
const CALLBACK = "http://localhost:3000/api/oauth/callback";
let sim: Simulator;
let app: { clientId: string; clientSecret: string };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, spaces: 3, pages: 120 });
  const res = await fetch(`${sim.url}/__admin/oauth/apps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ callbackUrl: CALLBACK, name: "Connector" }),
  });
  app = await res.json();
});
afterAll(() => sim.close());

async function admin(method: string, path: string, body: unknown) {
  await fetch(`${sim.url}/__admin${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Plays the user pressing Accept on the consent page; returns the authorization code and its PKCE verifier. */
async function consent(): Promise<{ code: string; codeVerifier: string }> {
  const pkce = createPkcePair();
  const authorizeUrl = new URL(
    buildAuthorizeUrl({ authBaseUrl: sim.authUrl, clientId: app.clientId, redirectUri: CALLBACK, state: "s-1", codeChallenge: pkce.challenge }),
  );
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const form = new URLSearchParams({ ...Object.fromEntries(authorizeUrl.searchParams), email: sim.admin.email, site: sim.cloudId, decision: "accept" });
  const res = await fetch(`${sim.authUrl}/authorize`, { method: "POST", body: form, redirect: "manual" });
  const location = new URL(res.headers.get("location")!);
  expect(location.searchParams.get("state")).toBe("s-1");
  return { code: location.searchParams.get("code")!, codeVerifier: pkce.verifier };
}

async function connect(): Promise<OAuthTokens & { refreshToken: string }> {
  return exchangeCode({ authBaseUrl: sim.authUrl, clientId: app.clientId, clientSecret: app.clientSecret, ...(await consent()), redirectUri: CALLBACK });
}

/** A token store like the app's: refresh rotates and persists. */
function oauthClient(tokens: OAuthTokens & { refreshToken: string }, counters = { refreshes: 0 }) {
  const store = { ...tokens };
  return createConfluenceClient({
    siteUrl: sim.url,
    retryBaseMs: 5,
    auth: {
      kind: "oauth",
      cloudId: sim.cloudId,
      apiBaseUrl: sim.apiUrl,
      getAccessToken: async () => store.accessToken,
      refreshAccessToken: async () => {
        counters.refreshes++;
        const next = await refreshTokens({
          authBaseUrl: sim.authUrl,
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          refreshToken: store.refreshToken,
        });
        Object.assign(store, next, { refreshToken: next.refreshToken ?? store.refreshToken });
        return store.accessToken;
      },
    },
  });
}

describe("OAuth 2.0 (3LO) protocol", () => {
  it("builds Atlassian's authorize URL with every parameter", () => {
    const url = new URL(buildAuthorizeUrl({ clientId: "cid", redirectUri: CALLBACK, state: "xyz", codeChallenge: "c".repeat(43) }));
    expect(url.origin + url.pathname).toBe("https://auth.atlassian.com/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      audience: "api.atlassian.com",
      client_id: "cid",
      scope: CONFLUENCE_OAUTH_SCOPES.join(" "),
      redirect_uri: CALLBACK,
      state: "xyz",
      response_type: "code",
      prompt: "consent",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    });
  });

  it("exchanges a code for tokens and finds the granted site", async () => {
    const tokens = await connect();
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(tokens.scope).toEqual(expect.arrayContaining([...CONFLUENCE_OAUTH_SCOPES]));
    const sites = await fetchAccessibleResources({ apiBaseUrl: sim.apiUrl, accessToken: tokens.accessToken });
    expect(sites).toEqual([expect.objectContaining({ id: sim.cloudId, url: sim.url })]);
  });

  it("a used code or a rotated-away refresh token (past the reuse leeway) is InvalidGrantError", async () => {
    const input = { authBaseUrl: sim.authUrl, clientId: app.clientId, clientSecret: app.clientSecret, ...(await consent()), redirectUri: CALLBACK };
    const tokens = await exchangeCode(input);
    await expect(exchangeCode(input)).rejects.toBeInstanceOf(InvalidGrantError);
    await admin("PUT", "/oauth/config", { refreshLeewaySeconds: 0 });
    try {
      const refresh = { authBaseUrl: sim.authUrl, clientId: app.clientId, clientSecret: app.clientSecret, refreshToken: tokens.refreshToken };
      const rotated = await refreshTokens(refresh);
      expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
      await new Promise((r) => setTimeout(r, 5));
      await expect(refreshTokens(refresh)).rejects.toBeInstanceOf(InvalidGrantError);
    } finally {
      await admin("PUT", "/oauth/config", { refreshLeewaySeconds: 600 });
    }
  });

  it("a wrong client secret is OAuthRequestError, not InvalidGrantError", async () => {
    const error = await exchangeCode({
      authBaseUrl: sim.authUrl,
      clientId: app.clientId,
      clientSecret: "nope",
      ...(await consent()),
      redirectUri: CALLBACK,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(OAuthRequestError);
    expect(error.oauthError).toBe("access_denied");
  });

  it("a revoked token cannot list accessible resources", async () => {
    await expect(fetchAccessibleResources({ apiBaseUrl: sim.apiUrl, accessToken: "at-unknown" })).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe("the client through the OAuth gateway", () => {
  it("reads every route the sync needs with the scopes we request", async () => {
    const client = oauthClient(await connect());
    const spaces = await listAllSpaces(client);
    expect(spaces.length).toBe(sim.store.spaces.size);
    const firstOf = async <S extends z.ZodType>(path: string, itemSchema: S, query: Record<string, string | number> = {}) =>
      (await client.paginate(path, { query: { limit: 3, ...query }, itemSchema }).next()).value!.results;
    const [page] = await firstOf("/wiki/api/v2/pages", ZPage, { "body-format": "storage" });
    await firstOf(`/wiki/api/v2/spaces/${spaces[0].id}/permissions`, ZSpacePermission);
    await firstOf("/wiki/api/v2/footer-comments", ZFooterComment);
    const [attachment] = await firstOf("/wiki/api/v2/attachments", ZAttachment);
    await firstOf("/wiki/rest/api/group", ZGroup);
    await firstOf("/wiki/rest/api/search", ZCqlSearchResult, { cql: "type = page" });
    await client.getJson(`/wiki/rest/api/content/${page.id}/restriction/byOperation/read`, { schema: ZContentRestrictionRead });
    await client.postJson("/wiki/api/v2/users-bulk", { body: { accountIds: [sim.admin.accountId] }, schema: ZUsersBulk });
    const download = await client.download(attachment.downloadLink!);
    expect((await download.arrayBuffer()).byteLength).toBe(attachment.fileSize);
    expect(Object.keys(client.stats().byRoute)).toContain("GET /wiki/api/v2/spaces");
  });

  it("an expired access token is refreshed once, then the request succeeds", async () => {
    await admin("PUT", "/oauth/config", { tokenTtlSeconds: 1 });
    const tokens = await connect();
    await admin("PUT", "/oauth/config", { tokenTtlSeconds: 3600 });
    await new Promise((r) => setTimeout(r, 1_100));
    const counters = { refreshes: 0 };
    const client = oauthClient(tokens, counters);
    const spaces = await Promise.all([listAllSpaces(client), listAllSpaces(client), listAllSpaces(client)]);
    expect(spaces[0].length).toBeGreaterThan(0);
    expect(counters.refreshes).toBe(1);
  });

  it("when consent is revoked, the refresh fails with InvalidGrantError", async () => {
    const client = oauthClient(await connect());
    await admin("POST", "/oauth/revoke", { clientId: app.clientId });
    await expect(listAllSpaces(client)).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("paces OAuth traffic by the points quota headers instead of running into 429s", async () => {
    await admin("PUT", "/quota", { enabled: true, points: 60, windowSeconds: 2 });
    try {
      const client = oauthClient(await connect());
      const ZOne = z.object({ results: z.array(z.unknown()) });
      await Promise.all(Array.from({ length: 40 }, () => client.getJson("/wiki/api/v2/spaces", { query: { limit: 1 }, schema: ZOne })));
      const stats = client.stats();
      expect(stats.lastRateLimit).toMatchObject({ limit: 60 });
      expect(stats.throttledMs).toBeGreaterThan(0);
      // 40 requests × 2 points against 60 points: an unpaced client gets at least ten 429s here.
      expect(stats.rateLimited).toBeLessThan(10);
    } finally {
      await admin("PUT", "/quota", { enabled: false });
    }
  });
});
