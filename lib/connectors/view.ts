import type { AccessStrategy, AudienceRule } from "../audiences/schemas";
import type { Connector } from "../generated/prisma/client";
import { ZConnectorConfig, type ConnectorConfig } from "./config-schema";

export type ConnectorBadge = "not_configured" | "authenticated" | "needs_reauth" | "active" | "syncing" | "error" | "disabled";

/** What the browser and the API may see of a connector: never a secret, only whether one is stored. */
export interface ConnectorView {
  id: string;
  name: string;
  siteUrl: string;
  /** Confluence Cloud, or Data Center (the server's own REST API, no Authorize step). */
  deployment: "cloud" | "datacenter";
  authMethod: Connector["authMethod"];
  /** Data Center: the account a password signs in as. */
  username: string | null;
  /** Data Center: the server version (it decides which endpoints a run uses). */
  serverVersion: string | null;
  badge: ConnectorBadge;
  status: Connector["status"];
  enabled: boolean;
  statusMessage: string | null;
  email: string | null;
  hasApiToken: boolean;
  oauthAppId: string | null;
  oauthClientId: string | null;
  hasClientSecret: boolean;
  authenticated: boolean;
  configured: boolean;
  config: ConnectorConfig | null;
  /** Who decides what members see: Confluence's permissions ("mirror") or audience rules. */
  accessStrategy: AccessStrategy;
  /** The audience rules; only on a single connector's read (GET /api/connectors/[id]). */
  audienceRules?: AudienceRule[];
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function parseStoredConfig(config: unknown): ConnectorConfig | null {
  if (config == null) return null;
  const parsed = ZConnectorConfig.safeParse(config);
  return parsed.success ? parsed.data : null;
}

export function toConnectorView(row: Connector): ConnectorView {
  const authenticated = row.authMethod !== "oauth" ? Boolean(row.apiToken) : Boolean(row.cloudId) && row.status !== "needs_reauth";
  return {
    id: row.id,
    name: row.name,
    siteUrl: row.siteUrl,
    deployment: row.deployment === "datacenter" ? "datacenter" : "cloud",
    authMethod: row.authMethod,
    username: row.username,
    serverVersion: row.serverVersion,
    badge: row.enabled ? row.status : "disabled",
    status: row.status,
    enabled: row.enabled,
    statusMessage: row.statusMessage,
    email: row.email,
    hasApiToken: Boolean(row.apiToken),
    oauthAppId: row.oauthAppId,
    oauthClientId: row.oauthAppId ? null : row.oauthClientId,
    hasClientSecret: Boolean(row.oauthClientSecret),
    authenticated,
    configured: row.configuredAt !== null,
    config: parseStoredConfig(row.config),
    accessStrategy: row.accessStrategy === "audience" ? "audience" : "mirror",
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    nextSyncAt: row.nextSyncAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
