import { HttpError } from "../http/errors";
import { Router, type Ctx, type Reply } from "../http/router";
import type { SimState } from "../state";
import { consentPage, errorPage } from "./page";
import { pkceMatches, type CodeChallenge, type Site } from "./state";

/** auth.atlassian.com (authorize, token) and api.atlassian.com (accessible-resources) endpoints. */
const oauthError = (status: number, error: string, description: string): Reply => ({ status, json: { error, error_description: description } });

function sites(sim: SimState): Site[] {
  return sim.oauth.decoy ? [sim.site(), sim.oauth.decoy] : [sim.site()];
}

function params(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(ctx.query);
  if (ctx.body && typeof ctx.body === "object") for (const [k, v] of Object.entries(ctx.body)) out[k] = String(v);
  return out;
}

function validateClient(sim: SimState, p: Record<string, string>): Reply | null {
  const app = sim.oauth.apps.get(p.client_id ?? "");
  if (!app) return { status: 400, html: errorPage("Invalid client_id: the app is not registered.") };
  if (p.redirect_uri !== app.callbackUrl) return { status: 400, html: errorPage("The redirect_uri does not match the callback URL registered for this app.") };
  return null;
}

/** PKCE parameters, when sent, must be well-formed (RFC 7636 section 4.2/4.3). */
function checkChallenge(p: Record<string, string>): string | null {
  if (!p.code_challenge) return p.code_challenge_method ? "code_challenge_method without code_challenge" : null;
  const method = p.code_challenge_method ?? "plain";
  if (method !== "S256" && method !== "plain") return `Unsupported code_challenge_method ${method}`;
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(p.code_challenge)) return "Malformed code_challenge";
  return null;
}

function redirect(base: string, q: Record<string, string>): Reply {
  const u = new URL(base);
  for (const [k, v] of Object.entries(q)) if (v !== undefined) u.searchParams.set(k, v);
  return { status: 302, headers: { Location: u.toString() } };
}

/** The sign-in and consent page for a validated client, shown first and again after a bad email. */
function consent(sim: SimState, p: Record<string, string>, email: string, error?: string): string {
  const app = sim.oauth.apps.get(p.client_id)!;
  return consentPage({
    action: `${sim.authPrefix}/authorize`,
    appName: app.name,
    clientId: app.clientId,
    redirectUri: p.redirect_uri,
    scope: p.scope ?? "",
    state: p.state ?? "",
    codeChallenge: p.code_challenge,
    codeChallengeMethod: p.code_challenge_method,
    email,
    sites: sites(sim),
    error,
  });
}

export const authRoutes = new Router();
authRoutes.add({
  method: "GET",
  pattern: "/authorize",
  flavor: "oauth",
  handler: (ctx) => {
    const p = params(ctx);
    const bad = validateClient(ctx.sim, p);
    if (bad) return bad;
    if ((p.response_type ?? "code") !== "code") return { status: 400, html: errorPage("response_type must be code") };
    const pkceProblem = checkChallenge(p);
    if (pkceProblem) return { status: 400, html: errorPage(pkceProblem) };
    return { html: consent(ctx.sim, p, ctx.sim.store.adminUser().email) };
  },
});
authRoutes.add({
  method: "POST",
  pattern: "/authorize",
  flavor: "oauth",
  handler: (ctx) => {
    const p = params(ctx);
    const bad = validateClient(ctx.sim, p);
    if (bad) return bad;
    const state = p.state ?? "";
    if (p.decision !== "accept") return redirect(p.redirect_uri, { error: "access_denied", error_description: "User did not authorize the request", state });
    const user = ctx.sim.store.userByEmail.get((p.email ?? "").toLowerCase());
    const site = sites(ctx.sim).find((s) => s.id === p.site) ?? ctx.sim.site();
    if (!user) return { status: 200, html: consent(ctx.sim, p, p.email ?? "", "No account with this email") };
    const scopes = (p.scope ?? "").split(/\s+/).filter(Boolean);
    const pkceProblem = checkChallenge(p);
    if (pkceProblem) return { status: 400, html: errorPage(pkceProblem) };
    const pkce = p.code_challenge ? { challenge: p.code_challenge, method: (p.code_challenge_method ?? "plain") as CodeChallenge["method"] } : undefined;
    const code = ctx.sim.oauth.issueCode({ clientId: p.client_id, accountId: user.accountId, cloudId: site.id, scopes }, p.redirect_uri, pkce);
    return redirect(p.redirect_uri, { code, state });
  },
});
authRoutes.add({
  method: "POST",
  pattern: "/oauth/token",
  flavor: "oauth",
  handler: (ctx) => {
    const p = params(ctx);
    const o = ctx.sim.oauth;
    const app = o.apps.get(p.client_id ?? "");
    if (!app || app.clientSecret !== p.client_secret) return oauthError(401, "access_denied", "Unauthorized");
    if (p.grant_type === "authorization_code") {
      const code = o.takeCode(p.code ?? "");
      if (!code || code.clientId !== app.clientId) return oauthError(403, "invalid_grant", "Invalid authorization code");
      if (code.redirectUri !== p.redirect_uri) return oauthError(403, "invalid_grant", "redirect_uri does not match");
      if (code.pkce && !pkceMatches(code.pkce, p.code_verifier))
        return oauthError(403, "invalid_grant", "PKCE verification failed: the code_verifier does not match the code_challenge");
      return { json: o.issueTokens(code) };
    }
    if (p.grant_type === "refresh_token") {
      const spent = o.rotate(p.refresh_token ?? "");
      if (!spent.ok || spent.grant.clientId !== app.clientId) {
        const why =
          spent.ok || spent.reason === "unknown"
            ? "Unknown or invalid refresh token."
            : "Refresh token reused after the reuse interval; every token of this authorization is revoked.";
        return oauthError(403, "invalid_grant", why);
      }
      o.refreshes++;
      return { json: o.issueTokens(spent.grant) };
    }
    return oauthError(400, "unsupported_grant_type", `Unsupported grant_type ${p.grant_type ?? ""}`);
  },
});

export const apiRoutes = new Router();
apiRoutes.add({
  method: "GET",
  pattern: "/oauth/token/accessible-resources",
  flavor: "gateway",
  handler: (ctx) => {
    const m = /^Bearer (.+)$/i.exec(ctx.req.headers.authorization ?? "");
    const t = m ? ctx.sim.oauth.lookup(m[1]) : null;
    if (!t) throw new HttpError(401, "Unauthorized");
    const site = sites(ctx.sim).find((s) => s.id === t.cloudId);
    if (!site) return { json: [] };
    return {
      json: [
        {
          id: site.id,
          url: site.url,
          name: site.name,
          scopes: t.scopes,
          avatarUrl: "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png",
        },
      ],
    };
  },
});
apiRoutes.add({
  method: "GET",
  pattern: "/me",
  flavor: "gateway",
  handler: (ctx) => {
    const m = /^Bearer (.+)$/i.exec(ctx.req.headers.authorization ?? "");
    const t = m ? ctx.sim.oauth.lookup(m[1]) : null;
    const u = t ? ctx.sim.store.users.get(t.accountId) : undefined;
    if (!u) throw new HttpError(401, "Unauthorized");
    return { json: { account_id: u.accountId, email: u.email, name: u.displayName, account_status: "active" } };
  },
});
