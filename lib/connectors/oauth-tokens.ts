import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { InvalidGrantError, refreshTokens } from "../confluence";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { oauthClientCredentials } from "./oauth-credentials";
import { openField, sealField } from "./secrets";
import { connectorSettings } from "./settings";

/** Refresh this long before expiry, so a request never starts with a token about to lapse. */
const REFRESH_AHEAD_MS = 5 * 60_000;
/** Longer than a token call may take (30 s): a live holder never loses its lease mid-call. */
const LEASE_MS = 45_000;
const POLL_MS = 200;

export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super("REAUTH_REQUIRED", "Atlassian no longer accepts this connector's authorization: authenticate it again.");
  }
}

export interface TokensToStore {
  accessToken: string;
  /** Absent when Atlassian sent none with a refresh: the stored one stays. */
  refreshToken?: string;
  expiresAt: Date;
  scope: string | string[];
}

export async function storeTokens(
  connectorId: string,
  tokens: TokensToStore & { refreshToken: string },
  tx: Pick<ReturnType<typeof db>, "oAuthToken"> = db(),
): Promise<void> {
  const sealed = sealTokens(connectorId, tokens);
  await tx.oAuthToken.upsert({
    where: { connectorId },
    create: { connectorId, ...sealed, refreshToken: sealed.refreshToken! },
    update: { ...sealed, refreshLeaseOwner: null, refreshLeaseUntil: null },
  });
}

function sealTokens(connectorId: string, tokens: TokensToStore) {
  return {
    accessToken: sealField("accessToken", connectorId, tokens.accessToken),
    ...(tokens.refreshToken ? { refreshToken: sealField("refreshToken", connectorId, tokens.refreshToken) } : {}),
    expiresAt: tokens.expiresAt,
    scope: Array.isArray(tokens.scope) ? tokens.scope.join(" ") : tokens.scope,
  };
}

const notAuthorized = () => new AppError("CONFLICT", "The connector has not been authorized with OAuth yet.");

/**
 * A valid access token for the connector, refreshed ahead of expiry. Atlassian rotates refresh
 * tokens, so the refresh is single-flight across processes: a caller takes a short lease on
 * the row (a committed claim, no transaction held over the HTTP call), refreshes, and writes
 * the new pair at once in its own statement; everyone else waits for the new pair. A holder that
 * dies mid-refresh leaves a lease that runs out, and the next caller uses the old refresh token,
 * which Atlassian still accepts within its 10-minute reuse leeway.
 * `rejectedToken` forces a refresh after a 401, unless another caller already replaced it.
 */
export async function getValidAccessToken(connectorId: string, options: { rejectedToken?: string; leaseMs?: number } = {}): Promise<string> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const owner = randomUUID();
  const giveUpAt = Date.now() + leaseMs + 15_000;
  for (;;) {
    const row = await db().oAuthToken.findUnique({ where: { connectorId } });
    if (!row) throw notAuthorized();
    const access = openField("accessToken", connectorId, row.accessToken);
    const fresh = row.expiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS;
    if (fresh && access !== options.rejectedToken) return access;
    // Claimed only if nobody holds a live lease and the refresh token is still the one read.
    const claimed = await db().$executeRaw`
      UPDATE oauth_tokens SET refresh_lease_owner = ${owner}, refresh_lease_until = now() + ${leaseMs} * interval '1 millisecond'
      WHERE connector_id = ${connectorId} AND refresh_token_enc = ${row.refreshToken}
        AND (refresh_lease_until IS NULL OR refresh_lease_until < now())`;
    if (claimed === 1) return refreshUnderLease(connectorId, row.refreshToken, owner);
    if (Date.now() > giveUpAt) throw new AppError("UNAVAILABLE", "Another process has been refreshing this connector's token for too long; try again shortly.");
    await sleep(POLL_MS);
  }
}

async function refreshUnderLease(connectorId: string, sealedRefreshToken: string, owner: string): Promise<string> {
  const release = () =>
    db().$executeRaw`UPDATE oauth_tokens SET refresh_lease_owner = NULL, refresh_lease_until = NULL
      WHERE connector_id = ${connectorId} AND refresh_lease_owner = ${owner}`;
  let tokens;
  try {
    const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
    const { clientId, clientSecret } = await oauthClientCredentials(connector);
    tokens = await refreshTokens({
      authBaseUrl: connectorSettings().authBaseUrl,
      clientId,
      clientSecret,
      refreshToken: openField("refreshToken", connectorId, sealedRefreshToken),
    });
  } catch (err) {
    await release();
    if (!(err instanceof InvalidGrantError)) throw err;
    logger.warn({ connectorId }, "OAuth refresh token rejected; connector needs re-authentication");
    await db().connector.update({
      where: { id: connectorId },
      data: { status: "needs_reauth", statusMessage: "Atlassian rejected the refresh token: authenticate again." },
    });
    throw new ReauthenticationRequiredError();
  }
  // Atlassian has rotated the pair: nothing else happens before it is committed.
  await db().oAuthToken.update({
    where: { connectorId },
    data: { ...sealTokens(connectorId, tokens), refreshLeaseOwner: null, refreshLeaseUntil: null },
  });
  return tokens.accessToken;
}
