import { createHash, randomBytes } from "node:crypto";
import { buildAuthorizeUrl, CONFLUENCE_OAUTH_SCOPES, ConfluenceError, createPkcePair, exchangeCode, fetchAccessibleResources } from "../confluence";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { completeAccountLink } from "./oauth-link";
import { oauthClientCredentials } from "./oauth-credentials";
import { storeTokens } from "./oauth-tokens";
import { findConnectorRow } from "./read-connectors";
import { openField, sealField } from "./secrets";
import { connectorSettings } from "./settings";

const STATE_TTL_MS = 10 * 60_000;

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

/**
 * Starts a 3LO consent: a single-use `state` bound to the signed-in person and its purpose, a
 * PKCE verifier kept (encrypted) beside it, and the authorize URL carrying the S256 challenge.
 */
export async function beginAuthorization(input: {
  connectorId: string;
  userId: string;
  clientId: string;
  purpose: "connector" | "link";
  scopes: readonly string[];
}): Promise<{ authorizeUrl: string }> {
  const state = randomBytes(32).toString("base64url");
  const stateHash = hashState(state);
  const pkce = createPkcePair();
  await db().oAuthState.create({
    data: {
      stateHash,
      connectorId: input.connectorId,
      userId: input.userId,
      purpose: input.purpose,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
      codeVerifier: sealField("pkceVerifier", stateHash, pkce.verifier),
    },
  });
  const settings = connectorSettings();
  const authorizeUrl = buildAuthorizeUrl({
    authBaseUrl: settings.authBaseUrl,
    clientId: input.clientId,
    redirectUri: settings.oauthRedirectUrl,
    state,
    codeChallenge: pkce.challenge,
    scopes: input.scopes,
  });
  return { authorizeUrl };
}

/** Authorizing a connector: its own OAuth client, the connector's scopes and offline access. */
export async function startOAuthAuthorization(connectorId: string, userId: string): Promise<{ authorizeUrl: string }> {
  const connector = await findConnectorRow(connectorId);
  if (connector.authMethod !== "oauth") throw new AppError("CONFLICT", "This connector uses an API token, not OAuth.");
  const { clientId } = await oauthClientCredentials(connector);
  return beginAuthorization({ connectorId, userId, clientId, purpose: "connector", scopes: CONFLUENCE_OAUTH_SCOPES });
}

export type OAuthCallbackOutcome = { ok: true; connectorId: string; message: string } | { ok: false; connectorId?: string; reason: string; message: string };

export interface OAuthCallbackParams {
  code?: string | null;
  state?: string | null;
  error?: string | null;
  errorDescription?: string | null;
}

const sameSite = (a: string, b: string) => a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

/** Consumes the state once, whatever happens next, so a replayed callback always fails. */
async function consumeState(state: string, userId: string): Promise<{ connectorId: string; purpose: string; codeVerifier?: string } | OAuthCallbackOutcome> {
  const stateHash = hashState(state);
  const row = await db().oAuthState.findUnique({ where: { stateHash } });
  // The verifier is needed once: the claim erases it.
  const claimed = row
    ? await db().oAuthState.updateMany({ where: { stateHash, usedAt: null }, data: { usedAt: new Date(), codeVerifier: null } })
    : { count: 0 };
  if (!row)
    return {
      ok: false,
      reason: "state_unknown",
      message: "This authorization link is not one this app started. Start again from the connector's Authorize tab.",
    };
  if (claimed.count === 0) {
    return {
      ok: false,
      connectorId: row.connectorId,
      reason: "state_replayed",
      message: "This authorization response was already used. Start again from the connector's Authorize tab.",
    };
  }
  if (row.expiresAt.getTime() < Date.now()) {
    return {
      ok: false,
      connectorId: row.connectorId,
      reason: "state_expired",
      message: "The authorization took longer than 10 minutes and expired. Click Authenticate again.",
    };
  }
  if (row.userId !== userId) {
    return {
      ok: false,
      connectorId: row.connectorId,
      reason: "state_other_user",
      message: "This authorization was started by another signed-in user. Start it again yourself.",
    };
  }
  return {
    connectorId: row.connectorId,
    purpose: row.purpose,
    codeVerifier: row.codeVerifier ? openField("pkceVerifier", stateHash, row.codeVerifier) : undefined,
  };
}

/** The callback: check the state, exchange the code, pick the matching site, store the tokens. */
export async function completeOAuthAuthorization(params: OAuthCallbackParams, userId: string, isAdmin = true): Promise<OAuthCallbackOutcome> {
  if (!params.state) return { ok: false, reason: "state_missing", message: "Atlassian's response carried no state. Start again from the Authorize tab." };
  const consumed = await consumeState(params.state, userId);
  if ("ok" in consumed) return consumed;
  if (consumed.purpose === "link") return completeAccountLink(params, consumed, userId);
  if (!isAdmin) return { ok: false, connectorId: consumed.connectorId, reason: "forbidden", message: "Only an administrator can authorize a connector." };
  const { connectorId, codeVerifier } = consumed;

  if (params.error) {
    const denied = params.error === "access_denied";
    return {
      ok: false,
      connectorId,
      reason: denied ? "denied" : "authorize_error",
      message: denied
        ? "Access was declined on Atlassian's consent screen. Click Authenticate and choose Accept to connect."
        : `Atlassian reported an error: ${params.errorDescription ?? params.error}.`,
    };
  }
  if (!params.code) return { ok: false, connectorId, reason: "code_missing", message: "Atlassian's response carried no authorization code." };

  const connector = await findConnectorRow(connectorId);
  const settings = connectorSettings();
  const { clientId, clientSecret } = await oauthClientCredentials(connector);
  let tokens;
  try {
    tokens = await exchangeCode({
      authBaseUrl: settings.authBaseUrl,
      clientId,
      clientSecret,
      code: params.code,
      redirectUri: settings.oauthRedirectUrl,
      codeVerifier,
    });
  } catch (err) {
    logger.warn({ connectorId, err: err instanceof Error ? err.message : String(err) }, "OAuth code exchange failed");
    return {
      ok: false,
      connectorId,
      reason: "exchange_failed",
      message: `Atlassian refused the authorization code (${err instanceof ConfluenceError ? err.message : "unknown error"}). Check the Client ID and Secret, and that the app's callback URL is exactly ${settings.oauthRedirectUrl}.`,
    };
  }

  const resources = await fetchAccessibleResources({ apiBaseUrl: settings.apiBaseUrl, accessToken: tokens.accessToken });
  const site = resources.find((r) => sameSite(r.url, connector.siteUrl));
  if (!site) {
    const granted = resources.map((r) => r.url).join(", ") || "no site";
    return {
      ok: false,
      connectorId,
      reason: "wrong_site",
      message: `You authorised ${granted}, not ${connector.siteUrl}. Click Authenticate again and choose ${connector.siteUrl} on Atlassian's screen.`,
    };
  }

  await db().$transaction(async (tx) => {
    await storeTokens(connectorId, tokens, tx);
    await tx.connector.update({
      where: { id: connectorId },
      data: { cloudId: site.id, status: connector.configuredAt ? "active" : "authenticated", statusMessage: null },
    });
  });
  return { ok: true, connectorId, message: `Connected to ${site.name || site.url}.` };
}
