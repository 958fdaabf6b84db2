import { createConfluenceClient, type ConfluenceClient, type ConfluenceClientOptions } from "../confluence";
import { AppError } from "../errors";
import { getValidAccessToken } from "./oauth-tokens";
import { findConnectorRow } from "./read-connectors";
import { openField } from "./secrets";
import { connectorSettings } from "./settings";

/** Data Center sites the operator listed may be on internal addresses (as may the extra origins, such as a simulator). */
export const dataCenterTrustedOrigins = () => [...connectorSettings().dcOrigins, ...connectorSettings().extraSiteOrigins];

type ClientTuning = Omit<ConfluenceClientOptions, "siteUrl" | "auth">;

/** A Confluence client acting with the connector's stored credentials. */
export async function confluenceClientFor(connectorId: string, tuning: ClientTuning = {}): Promise<ConfluenceClient> {
  const connector = await findConnectorRow(connectorId);
  if (connector.authMethod === "personal_access_token" || connector.authMethod === "password") {
    if (!connector.apiToken) throw new AppError("CONFLICT", "The connector has no credentials stored.");
    const secret = openField("apiToken", connector.id, connector.apiToken);
    return createConfluenceClient({
      ...tuning,
      siteUrl: connector.siteUrl,
      trustedOrigins: dataCenterTrustedOrigins(),
      auth:
        connector.authMethod === "password"
          ? { kind: "password", username: connector.username ?? "", password: secret }
          : { kind: "personal_access_token", token: secret },
    });
  }
  if (connector.authMethod === "api_token") {
    if (!connector.email || !connector.apiToken) throw new AppError("CONFLICT", "The connector has no API token stored.");
    return createConfluenceClient({
      ...tuning,
      siteUrl: connector.siteUrl,
      trustedOrigins: connectorSettings().extraSiteOrigins,
      auth: { kind: "basic", email: connector.email, apiToken: openField("apiToken", connector.id, connector.apiToken) },
    });
  }
  if (!connector.cloudId) throw new AppError("CONFLICT", "Authorize the connector with OAuth first.");
  let lastToken: string | undefined;
  return createConfluenceClient({
    ...tuning,
    siteUrl: connector.siteUrl,
    trustedOrigins: connectorSettings().extraSiteOrigins,
    auth: {
      kind: "oauth",
      cloudId: connector.cloudId,
      apiBaseUrl: connectorSettings().apiBaseUrl,
      getAccessToken: async () => (lastToken = await getValidAccessToken(connectorId)),
      refreshAccessToken: async () => (lastToken = await getValidAccessToken(connectorId, { rejectedToken: lastToken })),
    },
  });
}
