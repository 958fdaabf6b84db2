import { db } from "../db";
import { AppError } from "../errors";
import type { Connector } from "../generated/prisma/client";
import { openField } from "./secrets";

/** The OAuth client id and secret a connector uses: its own, or a shared OAuth app's. */
export async function oauthClientCredentials(connector: Connector): Promise<{ clientId: string; clientSecret: string }> {
  if (connector.oauthAppId) {
    const app = await db().oAuthApp.findUnique({ where: { id: connector.oauthAppId } });
    if (!app) throw new AppError("CONFLICT", "The connector's OAuth app no longer exists; choose another.");
    return oauthAppCredentials(app);
  }
  if (!connector.oauthClientId || !connector.oauthClientSecret) {
    throw new AppError("CONFLICT", "The connector has no OAuth client id and secret.");
  }
  return {
    clientId: connector.oauthClientId,
    clientSecret: openField("oauthClientSecret", connector.id, connector.oauthClientSecret),
  };
}

/** A registered OAuth app's client id and (decrypted) secret. */
export function oauthAppCredentials(app: { id: string; clientId: string; clientSecret: string }): { clientId: string; clientSecret: string } {
  return { clientId: app.clientId, clientSecret: openField("oauthAppClientSecret", app.id, app.clientSecret) };
}
