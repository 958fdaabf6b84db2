import { exchangeCodeOnce, fetchMyAccount } from "../confluence";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { oauthAppCredentials, oauthClientCredentials } from "./oauth-credentials";
import { beginAuthorization, type OAuthCallbackOutcome, type OAuthCallbackParams } from "./oauth-flow";
import { findConnectorRow } from "./read-connectors";
import { connectorSettings } from "./settings";
/** Only who consents is read: no content, no tokens kept. */
const LINK_SCOPES = ["read:me"];

/**
 * The OAuth app a person links through: the connector's own when it uses OAuth, else the
 * first app registered under Settings (an API-token connector has none of its own).
 */
async function linkClient(connectorId: string): Promise<{ clientId: string; clientSecret: string }> {
  const connector = await findConnectorRow(connectorId);
  if (connector.authMethod === "oauth") return oauthClientCredentials(connector);
  const app = await db().oAuthApp.findFirst({ orderBy: { createdAt: "asc" } });
  if (!app)
    throw new AppError(
      "CONFLICT",
      `No OAuth app is registered, so accounts cannot be linked through Atlassian yet. An administrator must register one under Settings → OAuth apps (callback URL ${connectorSettings().oauthRedirectUrl}), or link you by hand.`,
    );
  return oauthAppCredentials(app);
}

/** Link my Atlassian account: a consent that reads only who the person is on Atlassian. */
export async function startAccountLink(connectorId: string, userId: string): Promise<{ authorizeUrl: string }> {
  const { clientId } = await linkClient(connectorId);
  return beginAuthorization({ connectorId, userId, clientId, purpose: "link", scopes: LINK_SCOPES });
}

/** The callback of a link consent: exchange the code, read `/me`, store the link (the token is dropped). */
export async function completeAccountLink(
  params: OAuthCallbackParams,
  consumed: { connectorId: string; codeVerifier?: string },
  userId: string,
): Promise<OAuthCallbackOutcome> {
  const { connectorId, codeVerifier } = consumed;
  if (params.error) return { ok: false, connectorId, reason: "denied", message: "The consent was declined on Atlassian's screen; your account is not linked." };
  if (!params.code) return { ok: false, connectorId, reason: "code_missing", message: "Atlassian's response carried no authorization code." };
  const settings = connectorSettings();
  try {
    const { clientId, clientSecret } = await linkClient(connectorId);
    const tokens = await exchangeCodeOnce({
      authBaseUrl: settings.authBaseUrl,
      clientId,
      clientSecret,
      code: params.code,
      redirectUri: settings.oauthRedirectUrl,
      codeVerifier,
    });
    const me = await fetchMyAccount({ apiBaseUrl: settings.apiBaseUrl, accessToken: tokens.accessToken });
    // consumeState checked that the consent was started by this signed-in person.
    await db().confluenceAccountLink.upsert({
      where: { userId_connectorId: { userId, connectorId } },
      create: { userId, connectorId, accountId: me.accountId, method: "oauth" },
      update: { accountId: me.accountId, method: "oauth" },
    });
    return { ok: true, connectorId, message: `Linked to your Atlassian account${me.name ? ` (${me.name})` : ""}.` };
  } catch (err) {
    logger.warn({ connectorId, err: err instanceof Error ? err.message : String(err) }, "account link failed");
    return { ok: false, connectorId, reason: "link_failed", message: "Atlassian did not confirm who you are. Try Link my Atlassian account again." };
  }
}
