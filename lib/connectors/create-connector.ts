import { randomUUID } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import type { CreateConnectorInput } from "./input-schemas";
import { sealField } from "./secrets";
import { verifyApiToken } from "./verify-api-token";
import { verifyDcLogin } from "./verify-dc-login";
import { toConnectorView, type ConnectorView } from "./view";

export async function createConnector(input: CreateConnectorInput, createdById: string): Promise<ConnectorView> {
  const id = randomUUID();
  if (input.authMethod === "personal_access_token" || input.authMethod === "password") {
    const secret = input.authMethod === "password" ? input.password : input.token;
    const site = await verifyDcLogin(
      input.baseUrl,
      input.authMethod === "password" ? { kind: "password", username: input.username, password: secret } : { kind: "personal_access_token", token: secret },
    );
    const row = await db().connector.create({
      data: {
        id,
        name: input.name,
        siteUrl: input.baseUrl,
        deployment: "datacenter",
        authMethod: input.authMethod,
        status: "authenticated",
        username: input.authMethod === "password" ? input.username : null,
        apiToken: sealField("apiToken", id, secret),
        serverVersion: site.version,
        serverTimeZone: site.timeZone,
        createdById,
      },
    });
    return toConnectorView(row);
  }
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
