import { randomUUID } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import type { CreateConnectorInput } from "./input-schemas";
import { sealField } from "./secrets";
import { verifyApiToken } from "./verify-api-token";
import { toConnectorView, type ConnectorView } from "./view";

export async function createConnector(input: CreateConnectorInput, createdById: string): Promise<ConnectorView> {
  const id = randomUUID();
  if (input.authMethod === "api_token") {
    await verifyApiToken(input.baseUrl, input.email, input.apiToken);
    const row = await db().connector.create({
      data: {
        id,
        name: input.name,
        siteUrl: input.baseUrl,
        authMethod: "api_token",
        status: "authenticated",
        email: input.email,
        apiToken: sealField("apiToken", id, input.apiToken),
        createdById,
      },
    });
    return toConnectorView(row);
  }

  if (input.oauthAppId && !(await db().oAuthApp.findUnique({ where: { id: input.oauthAppId } }))) {
    throw AppError.validation([{ loc: ["body", "oauthAppId"], msg: "That OAuth app no longer exists; choose another.", type: "not_found" }]);
  }
  const row = await db().connector.create({
    data: {
      id,
      name: input.name,
      siteUrl: input.baseUrl,
      authMethod: "oauth",
      status: "not_configured",
      oauthAppId: input.oauthAppId ?? null,
      oauthClientId: input.oauthAppId ? null : input.clientId!,
      oauthClientSecret: input.oauthAppId ? null : sealField("oauthClientSecret", id, input.clientSecret!),
      createdById,
    },
  });
  return toConnectorView(row);
}
