import { InvalidGrantError, refreshTokens } from "../confluence";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { oauthClientCredentials } from "./oauth-credentials";
import { openField, sealField } from "./secrets";
import { connectorSettings } from "./settings";

/** Refresh this long before expiry, so a request never starts with a token about to lapse. */
const REFRESH_AHEAD_MS = 5 * 60_000;

export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super("UPSTREAM_AUTH", "Atlassian no longer accepts this connector's authorization: authenticate it again.");
  }
}

export async function storeTokens(
  connectorId: string,
  tokens: { accessToken: string; refreshToken: string; expiresAt: Date; scope: string | string[] },
  tx: Pick<ReturnType<typeof db>, "oAuthToken"> = db(),
): Promise<void> {
  const sealed = {
    accessToken: sealField("accessToken", connectorId, tokens.accessToken),
    refreshToken: sealField("refreshToken", connectorId, tokens.refreshToken),
    expiresAt: tokens.expiresAt,
    scope: Array.isArray(tokens.scope) ? tokens.scope.join(" ") : tokens.scope,
  };
  await tx.oAuthToken.upsert({ where: { connectorId }, create: { connectorId, ...sealed }, update: sealed });
}

interface LockedTokenRow {
  access_token_enc: string;
  refresh_token_enc: string;
  expires_at: Date;
}

/**
 * A valid access token for the connector, refreshed ahead of expiry. Atlassian rotates
 * refresh tokens (the old one dies on use), so the refresh is single-flight across
 * processes: it runs under a row lock, and whoever waited on the lock uses the new pair.
 * `rejectedToken` forces a refresh after a 401, unless another caller already replaced it.
 */
export async function getValidAccessToken(connectorId: string, options: { rejectedToken?: string } = {}): Promise<string> {
  const current = await db().oAuthToken.findUnique({ where: { connectorId } });
  if (!current) throw new AppError("CONFLICT", "The connector has not been authorized with OAuth yet.");
  const currentAccess = openField("accessToken", connectorId, current.accessToken);
  const fresh = current.expiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS;
  if (fresh && currentAccess !== options.rejectedToken) return currentAccess;

  const outcome = await db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<LockedTokenRow[]>`
        SELECT access_token_enc, refresh_token_enc, expires_at FROM oauth_tokens
        WHERE connector_id = ${connectorId} FOR UPDATE`;
      const row = rows[0];
      if (!row) return { kind: "missing" as const };
      const lockedAccess = openField("accessToken", connectorId, row.access_token_enc);
      const stillFresh = new Date(row.expires_at).getTime() - Date.now() > REFRESH_AHEAD_MS;
      if (stillFresh && lockedAccess !== options.rejectedToken) return { kind: "ok" as const, accessToken: lockedAccess };

      const connector = await tx.connector.findUniqueOrThrow({ where: { id: connectorId } });
      const { clientId, clientSecret } = await oauthClientCredentials(connector);
      try {
        const tokens = await refreshTokens({
          authBaseUrl: connectorSettings().authBaseUrl,
          clientId,
          clientSecret,
          refreshToken: openField("refreshToken", connectorId, row.refresh_token_enc),
        });
        await storeTokens(connectorId, tokens, tx);
        return { kind: "ok" as const, accessToken: tokens.accessToken };
      } catch (err) {
        if (err instanceof InvalidGrantError) return { kind: "invalid_grant" as const };
        throw err;
      }
    },
    { maxWait: 30_000, timeout: 60_000 },
  );

  if (outcome.kind === "ok") return outcome.accessToken;
  if (outcome.kind === "missing") throw new AppError("CONFLICT", "The connector has not been authorized with OAuth yet.");
  logger.warn({ connectorId }, "OAuth refresh token rejected; connector needs re-authentication");
  await db().connector.update({
    where: { id: connectorId },
    data: { status: "needs_reauth", statusMessage: "Atlassian rejected the refresh token: authenticate again." },
  });
  throw new ReauthenticationRequiredError();
}
