import { readConnectorAccess, saveConnectorAccess } from "../audiences";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { UpdateConnectorInput } from "./input-schemas";
import { findConnectorRow } from "./read-connectors";
import { openField, sealField } from "./secrets";
import { verifyApiToken } from "./verify-api-token";
import { dcBaseUrlFor } from "./input-schemas";
import { connectorSettings } from "./settings";
import { siteUrlSchema } from "./site-url";
import { verifyDcLogin } from "./verify-dc-login";
import { toConnectorView, type ConnectorView } from "./view";

/**
 * Applies an edit. Changed API-token credentials are verified against the site first;
 * a changed site or OAuth app drops the OAuth tokens, since they belong to the old pair.
 */
export async function updateConnector(id: string, edit: UpdateConnectorInput): Promise<ConnectorView> {
  const row = await findConnectorRow(id);
  const input = edit.baseUrl !== undefined ? { ...edit, baseUrl: checkBaseUrl(edit.baseUrl, row.deployment) } : edit;
  const data: Prisma.ConnectorUpdateInput = {};
  let status = row.status;
  if (input.name !== undefined) data.name = input.name;
  if (input.enabled !== undefined) data.enabled = input.enabled;

  if (row.authMethod === "personal_access_token" || row.authMethod === "password") {
    const siteChanged = input.baseUrl !== undefined && input.baseUrl !== row.siteUrl;
    const secretInput = row.authMethod === "password" ? input.password : input.token;
    if (siteChanged || secretInput !== undefined || (row.authMethod === "password" && input.username !== undefined)) {
      const siteUrl = input.baseUrl ?? row.siteUrl;
      const secret = secretInput ?? (row.apiToken ? openField("apiToken", id, row.apiToken) : "");
      const username = input.username ?? row.username ?? "";
      const site = await verifyDcLogin(
        siteUrl,
        row.authMethod === "password" ? { kind: "password", username, password: secret } : { kind: "personal_access_token", token: secret },
      );
      Object.assign(data, {
        siteUrl,
        apiToken: sealField("apiToken", id, secret),
        ...(row.authMethod === "password" ? { username } : {}),
        serverVersion: site.version,
        serverTimeZone: site.timeZone,
        statusMessage: null,
      });
      if (status === "needs_reauth" || status === "not_configured" || status === "error") status = row.configuredAt ? "active" : "authenticated";
    }
  } else if (row.authMethod === "api_token") {
    const siteChanged = input.baseUrl !== undefined && input.baseUrl !== row.siteUrl;
    if (siteChanged || input.email !== undefined || input.apiToken !== undefined) {
      const siteUrl = input.baseUrl ?? row.siteUrl;
      const email = input.email ?? row.email ?? "";
      const apiToken = input.apiToken ?? (row.apiToken ? openField("apiToken", id, row.apiToken) : "");
      await verifyApiToken(siteUrl, email, apiToken);
      Object.assign(data, { siteUrl, email, apiToken: sealField("apiToken", id, apiToken), statusMessage: null });
      if (status === "needs_reauth" || status === "not_configured" || status === "error") {
        status = row.configuredAt ? "active" : "authenticated";
      }
    }
  } else {
    const siteChanged = input.baseUrl !== undefined && input.baseUrl !== row.siteUrl;
    const appChanged =
      (input.oauthAppId !== undefined && (input.oauthAppId || null) !== row.oauthAppId) || input.clientId !== undefined || input.clientSecret !== undefined;
    if (input.oauthAppId) {
      if (!(await db().oAuthApp.findUnique({ where: { id: input.oauthAppId } }))) {
        throw AppError.validation([{ loc: ["body", "oauthAppId"], msg: "That OAuth app no longer exists; choose another.", type: "not_found" }]);
      }
      Object.assign(data, { oauthApp: { connect: { id: input.oauthAppId } }, oauthClientId: null, oauthClientSecret: null });
    } else if (input.oauthAppId === "" || input.clientId !== undefined || input.clientSecret !== undefined) {
      const clientId = input.clientId ?? row.oauthClientId;
      if (!clientId || (!input.clientSecret && !row.oauthClientSecret)) {
        throw AppError.validation([{ loc: ["body", "clientId"], msg: "Enter the Client ID and Client Secret, or choose an OAuth app.", type: "missing" }]);
      }
      Object.assign(data, {
        oauthApp: { disconnect: true },
        oauthClientId: clientId,
        ...(input.clientSecret ? { oauthClientSecret: sealField("oauthClientSecret", id, input.clientSecret) } : {}),
      });
    }
    if (input.baseUrl !== undefined) data.siteUrl = input.baseUrl;
    if (siteChanged || appChanged) {
      Object.assign(data, { cloudId: null, statusMessage: "Authorize again: the site or OAuth app changed." });
      status = "not_configured";
      await db().oAuthToken.deleteMany({ where: { connectorId: id } });
    }
  }

  if (input.config !== undefined) {
    if (status !== "authenticated" && status !== "active" && status !== "syncing" && status !== "error") {
      throw new AppError("CONFLICT", "Authenticate the connector before configuring its records.");
    }
    data.config = input.config as Prisma.InputJsonValue;
    data.configuredAt = new Date();
    // Scheduled syncs run every interval; the first one an interval after saving (or sooner, by hand).
    data.nextSyncAt = input.config.sync.strategy === "scheduled" ? new Date(Date.now() + input.config.sync.intervalMinutes * 60_000) : null;
    if (status === "authenticated") status = "active";
  }
  if (input.access !== undefined && status !== "authenticated" && status !== "active" && status !== "syncing" && status !== "error") {
    throw new AppError("CONFLICT", "Authenticate the connector before choosing who may see its records.");
  }
  data.status = status;
  const access = input.access;
  if (access === undefined) return toConnectorView(await db().connector.update({ where: { id }, data }));
  // The strategy, its rules and the feed moves they cause commit together with the rest of the edit.
  const saved = await db().$transaction(async (tx) => {
    await tx.connector.update({ where: { id }, data });
    await saveConnectorAccess(tx, id, access);
    return tx.connector.findUniqueOrThrow({ where: { id } });
  });
  return { ...toConnectorView(saved), audienceRules: (await readConnectorAccess(id)).rules };
}

/** The API parses edits before it knows the connector, so the base URL is checked here by its deployment. */
function checkBaseUrl(value: string, deployment: string): string {
  const settings = connectorSettings();
  const schema = deployment === "datacenter" ? dcBaseUrlFor(settings.extraSiteOrigins, settings.dcOrigins) : siteUrlSchema(settings.extraSiteOrigins);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const msg = parsed.error.issues[0]!.message;
  throw AppError.validation([{ loc: ["body", "baseUrl"], msg, type: "invalid" }], msg);
}
