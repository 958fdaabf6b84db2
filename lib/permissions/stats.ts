import { findConnectorRow } from "../connectors";
import { db } from "../db";
import { hiddenFromEveryone } from "./visible-to";

export interface PermissionStats {
  users: number;
  /** Users whose email the site hides: linked by account id only. */
  hiddenEmails: number;
  groups: number;
  memberships: number;
  spaceGrants: number;
  /** Spaces open to anonymous access. */
  anonymousSpaces: number;
  restrictedNodes: number;
  /** Nodes whose restriction could not be read (visible to administrators only). */
  unreadableNodes: number;
  /** Stored items no member can see: below a node never read or read as "nobody". */
  itemsVisibleToNobody: number;
  /** People of this app linked to an account of this connector by an administrator. */
  explicitLinks: number;
}

/** What the permissions mirror of one connector holds, for the dashboard's Permissions panel. */
export async function permissionStats(connectorId: string): Promise<PermissionStats> {
  await findConnectorRow(connectorId);
  const [row] = await db().$queryRaw<Record<keyof PermissionStats, bigint>[]>`
    SELECT
      (SELECT count(*) FROM confluence_users WHERE connector_id = ${connectorId}) AS users,
      (SELECT count(*) FROM confluence_users WHERE connector_id = ${connectorId} AND (email IS NULL OR email = '')) AS "hiddenEmails",
      (SELECT count(*) FROM confluence_groups WHERE connector_id = ${connectorId}) AS groups,
      (SELECT count(*) FROM confluence_group_members WHERE connector_id = ${connectorId}) AS memberships,
      (SELECT count(*) FROM space_read_grants WHERE connector_id = ${connectorId}) AS "spaceGrants",
      (SELECT count(DISTINCT space_id) FROM space_read_grants WHERE connector_id = ${connectorId} AND principal_type = 'anonymous') AS "anonymousSpaces",
      (SELECT count(*) FROM read_restrictions WHERE connector_id = ${connectorId} AND state = 'restricted') AS "restrictedNodes",
      (SELECT count(*) FROM read_restrictions WHERE connector_id = ${connectorId} AND state = 'nobody') AS "unreadableNodes",
      (SELECT count(*) FROM content_items i WHERE i.connector_id = ${connectorId} AND ${hiddenFromEveryone("i")}) AS "itemsVisibleToNobody",
      (SELECT count(*) FROM confluence_account_links WHERE connector_id = ${connectorId}) AS "explicitLinks"`;
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as unknown as PermissionStats;
}
