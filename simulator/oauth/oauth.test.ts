import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import { admin, api, startSmall } from "../test/helpers";

let sim: Simulator;
let app: { clientId: string; clientSecret: string; callbackUrl: string };
const CALLBACK = "http://localhost:3000/api/oauth/callback";
const SCOPES = "read:page:confluence read:space:confluence search:confluence offline_access";

beforeAll(async () => {
  sim = await startSmall({ decoySite: true });
  app = (await admin(sim, "POST", "/oauth/apps", { callbackUrl: CALLBACK, name: "Connector" })).body;
});
afterAll(() => sim.close());

function authorizeUrl(extra: Record<string, string> = {}) {
  const p = new URLSearchParams({
    audience: "api.atlassian.com",
    client_id: app.clientId,
    scope: SCOPES,
    redirect_uri: CALLBACK,
    state: "st-1",
    response_type: "code",
    prompt: "consent",
    ...extra,
  });
  return `${sim.authUrl}/authorize?${p}`;
}

async function decide(decision: "accept" | "cancel", fields: Record<string, string> = {}) {
  const form = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: CALLBACK,
    scope: SCOPES,
    state: "st-1",
    email: sim.admin.email,
    site: sim.cloudId,
    decision,
    ...fields,
  });
  const res = await fetch(`${sim.authUrl}/authorize`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  return new URL(res.headers.get("location")!);
}

async function token(body: Record<string, string>) {
  return api(sim, `${sim.authUrl}/oauth/token`, {
    method: "POST",
    auth: null,
    body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, ...body }),
  });
}

async function login(scope = SCOPES, site = sim.cloudId) {
  const loc = await decide("accept", { scope, site });
  const t = await token({ grant_type: "authorization_code", code: loc.searchParams.get("code")!, redirect_uri: CALLBACK });
  expect(t.status).toBe(200);
  return t.body as { access_token: string; refresh_token?: string; expires_in: number; scope: string; token_type: string };
}

const gw = (path: string) => `${sim.apiUrl}/ex/confluence/${sim.cloudId}${path}`;

describe("OAuth 2.0 (3LO)", () => {
  it("the authorize page shows sign-in, a site picker and Accept / Cancel buttons", async () => {
    const res = await fetch(authorizeUrl());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(">Accept</button>");
    expect(html).toContain(">Cancel</button>");
    expect(html).toContain('<select id="site" name="site">');
    expect(html).toContain("other-site.atlassian.net");
    expect(html).toContain(`value="${sim.admin.email}"`);
  });

  it("a redirect_uri that does not match exactly, or an unknown client, shows an error page instead of redirecting", async () => {
    for (const url of [authorizeUrl({ redirect_uri: CALLBACK + "/" }), authorizeUrl({ client_id: "nope" })]) {
      const res = await fetch(url, { redirect: "manual" });
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("Something went wrong");
    }
  });

  it("Cancel redirects with error=access_denied and the state; Accept with a code and the state", async () => {
    const cancel = await decide("cancel");
    expect(cancel.origin + cancel.pathname).toBe(CALLBACK);
    expect(cancel.searchParams.get("error")).toBe("access_denied");
    expect(cancel.searchParams.get("state")).toBe("st-1");
    const ok = await decide("accept");
    expect(ok.searchParams.get("code")).toBeTruthy();
    expect(ok.searchParams.get("state")).toBe("st-1");
  });

  it("exchanges a code once for tokens; a reused code or a wrong secret fails", async () => {
    const loc = await decide("accept");
    const code = loc.searchParams.get("code")!;
    const t = await token({ grant_type: "authorization_code", code, redirect_uri: CALLBACK });
    expect(t.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: SCOPES });
    expect(t.body.refresh_token).toBeTruthy();
    const again = await token({ grant_type: "authorization_code", code, redirect_uri: CALLBACK });
    expect(again.status).toBe(403);
    expect(again.body.error).toBe("invalid_grant");
    const bad = await api(sim, `${sim.authUrl}/oauth/token`, {
      method: "POST",
      auth: null,
      body: JSON.stringify({ grant_type: "authorization_code", client_id: app.clientId, client_secret: "x", code, redirect_uri: CALLBACK }),
    });
    expect(bad.status).toBe(401);
  });

  it("accessible-resources lists the granted site with its cloud id, URL and scopes", async () => {
    const t = await login();
    const r = await api(sim, `${sim.apiUrl}/oauth/token/accessible-resources`, { auth: `Bearer ${t.access_token}` });
    expect(r.body).toEqual([expect.objectContaining({ id: sim.cloudId, url: sim.url, scopes: SCOPES.split(" ") })]);
    expect(r.body[0].avatarUrl).toBeTruthy();
  });

  it("the gateway serves v2 and v1 with a Bearer token and enforces scopes", async () => {
    const t = await login();
    const auth = `Bearer ${t.access_token}`;
    const pages = await api(sim, gw("/wiki/api/v2/pages?limit=2"), { auth });
    expect(pages.status).toBe(200);
    expect(pages.body.results.length).toBe(2);
    expect((await api(sim, gw("/wiki/rest/api/search?cql=type%3Dpage"), { auth })).status).toBe(200);
    const noScope = await api(sim, gw("/wiki/api/v2/footer-comments"), { auth });
    expect(noScope.status).toBe(401);
    expect(noScope.body).toEqual({ code: 401, message: "Unauthorized; scope does not match" });
    expect((await api(sim, gw("/wiki/api/v2/pages"), { auth: "Bearer junk" })).status).toBe(401);
    expect((await api(sim, gw("/wiki/api/v2/pages"))).status).toBe(401);
    const classic = await login("read:confluence-content.all read:confluence-space.summary");
    expect((await api(sim, gw("/wiki/api/v2/footer-comments"), { auth: `Bearer ${classic.access_token}` })).status).toBe(200);
  });

  it("refresh tokens rotate; a rotated one still works within the 10-minute leeway, and reused later revokes the whole authorization", async () => {
    const t = await login();
    const r1 = await token({ grant_type: "refresh_token", refresh_token: t.refresh_token! });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(t.refresh_token);
    // Within the leeway the old token is accepted again (a client that crashed before saving r1).
    const retry = await token({ grant_type: "refresh_token", refresh_token: t.refresh_token! });
    expect(retry.status).toBe(200);
    expect(retry.body.refresh_token).not.toBe(r1.body.refresh_token);
    // Past the leeway, reusing it is a breach: invalid_grant, and every token of the family dies.
    const rotatedAt = sim.state.oauth.rotated.get(t.refresh_token!)!.rotatedAt;
    const late = sim.state.oauth.rotate(t.refresh_token!, rotatedAt + 601_000);
    expect(late).toEqual({ ok: false, reason: "reused_outside_leeway" });
    const after = await token({ grant_type: "refresh_token", refresh_token: retry.body.refresh_token });
    expect(after.status).toBe(403);
    expect(after.body).toEqual({ error: "invalid_grant", error_description: expect.any(String) });
    expect((await api(sim, gw("/wiki/api/v2/spaces"), { auth: `Bearer ${retry.body.access_token}` })).status).toBe(401);
  });

  it("with the leeway set to 0, a reused refresh token fails with invalid_grant at once", async () => {
    await admin(sim, "PUT", "/oauth/config", { refreshLeewaySeconds: 0 });
    const t = await login();
    const r1 = await token({ grant_type: "refresh_token", refresh_token: t.refresh_token! });
    await new Promise((r) => setTimeout(r, 5));
    const reuse = await token({ grant_type: "refresh_token", refresh_token: t.refresh_token! });
    expect(reuse.status).toBe(403);
    expect((await token({ grant_type: "refresh_token", refresh_token: r1.body.refresh_token })).status).toBe(403);
    await admin(sim, "PUT", "/oauth/config", { refreshLeewaySeconds: 600 });
  });

  it("PKCE: a code issued for an S256 challenge is exchanged only with its verifier", async () => {
    const verifier = "v".repeat(20) + "-verifier-of-at-least-43-chars_~.";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const page = await (await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: "S256" }))).text();
    expect(page).toContain(`name="code_challenge" value="${challenge}"`);
    const issue = async () => (await decide("accept", { code_challenge: challenge, code_challenge_method: "S256" })).searchParams.get("code")!;
    const exchange = (code: string, extra: Record<string, string>) => token({ grant_type: "authorization_code", code, redirect_uri: CALLBACK, ...extra });
    const missing = await exchange(await issue(), {});
    expect(missing.status).toBe(403);
    expect(missing.body.error_description).toMatch(/PKCE/);
    expect((await exchange(await issue(), { code_verifier: verifier.replace("v", "w") })).status).toBe(403);
    expect((await exchange(await issue(), { code_verifier: verifier })).status).toBe(200);
    const bad = await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: "S512" }));
    expect(bad.status).toBe(400);
  });

  it("without offline_access no refresh token is issued", async () => {
    const t = await login("read:page:confluence");
    expect(t.refresh_token).toBeUndefined();
  });

  it("access tokens expire after the (shortenable) lifetime", async () => {
    await admin(sim, "PUT", "/oauth/config", { tokenTtlSeconds: 1 });
    const t = await login();
    expect(t.expires_in).toBe(1);
    expect((await api(sim, gw("/wiki/api/v2/spaces"), { auth: `Bearer ${t.access_token}` })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await api(sim, gw("/wiki/api/v2/spaces"), { auth: `Bearer ${t.access_token}` })).status).toBe(401);
    await admin(sim, "PUT", "/oauth/config", { tokenTtlSeconds: 3600 });
  });

  it("a user who picked the decoy site gets that site from accessible-resources and no access to this one", async () => {
    const decoy = sim.state.oauth.decoy!;
    const t = await login(SCOPES, decoy.id);
    const r = await api(sim, `${sim.apiUrl}/oauth/token/accessible-resources`, { auth: `Bearer ${t.access_token}` });
    expect(r.body[0]).toMatchObject({ id: decoy.id, url: "https://other-site.atlassian.net" });
    expect((await api(sim, gw("/wiki/api/v2/spaces"), { auth: `Bearer ${t.access_token}` })).status).toBe(401);
  });
});
