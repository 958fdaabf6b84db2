/**
 * Read scopes the connector asks for in OAuth 2.0 (3LO). Atlassian recommends classic scopes where
 * they exist, but REST v2 is documented with granular ones, so we request both (each route accepts
 * either family); `offline_access` gets us a refresh token.
 *
 * Permissions (lib/sync/permissions-step.ts) need: groups and members
 * (`read:confluence-groups` / `read:group:confluence`), people (`read:confluence-user` /
 * `read:user:confluence`), space permissions and role assignments (`read:confluence-space.summary`
 * / `read:space.permission:confluence`) and read restrictions (`read:confluence-content.permission`
 * / `read:content.restriction:confluence`).
 */
export const CONFLUENCE_CLASSIC_SCOPES = [
  "read:confluence-content.all",
  "read:confluence-space.summary",
  "read:confluence-props",
  "read:confluence-content.permission",
  "read:confluence-user",
  "read:confluence-groups",
  "search:confluence",
  "readonly:content.attachment:confluence",
] as const;

export const CONFLUENCE_GRANULAR_SCOPES = [
  "read:page:confluence",
  "read:blogpost:confluence",
  "read:space:confluence",
  "read:attachment:confluence",
  "read:comment:confluence",
  "read:label:confluence",
  "read:folder:confluence",
  "read:user:confluence",
  "read:group:confluence",
  "read:space.permission:confluence",
  "read:content.restriction:confluence",
  "read:content-details:confluence",
  "read:hierarchical-content:confluence",
] as const;

export const CONFLUENCE_OAUTH_SCOPES: readonly string[] = [...CONFLUENCE_CLASSIC_SCOPES, ...CONFLUENCE_GRANULAR_SCOPES, "offline_access"];
