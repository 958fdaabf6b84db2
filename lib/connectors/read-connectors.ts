import { z } from "zod";
import { readConnectorAccess } from "../audiences";
import { db } from "../db";
import { AppError } from "../errors";
import type { Connector } from "../generated/prisma/client";
import { ZConnectorConfig } from "./config-schema";
import { toConnectorView, type ConnectorView } from "./view";

export async function listConnectors(): Promise<ConnectorView[]> {
  const rows = await db().connector.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toConnectorView);
}

export async function findConnectorRow(id: string): Promise<Connector> {
  const row = await db().connector.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "No connector with that id.");
  return row;
}

export async function getConnector(id: string): Promise<ConnectorView> {
  const view = toConnectorView(await findConnectorRow(id));
  return { ...view, audienceRules: (await readConnectorAccess(id)).rules };
}

/** `GET /api/connectors/{id}/config`: checked against it on every answer, so no secret can slip in. */
export const ZConnectorConfigAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  siteUrl: z.string(),
  deployment: z.enum(["cloud", "datacenter"]),
  authMethod: z.enum(["api_token", "oauth", "personal_access_token", "password"]),
  email: z.string().nullable(),
  username: z.string().nullable(),
  serverVersion: z.string().nullable(),
  oauthAppId: z.string().nullable(),
  oauthClientId: z.string().nullable(),
  configured: z.boolean(),
  config: ZConnectorConfig.nullable(),
});

/** The configuration an automation may read back: site, auth method and filters; no secrets. */
export async function getConnectorConfig(id: string): Promise<z.infer<typeof ZConnectorConfigAnswer>> {
  const view = await getConnector(id);
  return {
    id: view.id,
    name: view.name,
    siteUrl: view.siteUrl,
    deployment: view.deployment,
    authMethod: view.authMethod,
    email: view.email,
    username: view.username,
    serverVersion: view.serverVersion,
    oauthAppId: view.oauthAppId,
    oauthClientId: view.oauthClientId,
    configured: view.configured,
    config: view.config,
  };
}

export async function deleteConnector(id: string): Promise<void> {
  await findConnectorRow(id);
  // Tokens and OAuth states go with it (ON DELETE CASCADE); so will synced records.
  await db().connector.delete({ where: { id } });
}
