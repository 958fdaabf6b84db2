import { findConnectorRow } from "../connectors";
import { db } from "../db";
import { hiddenFromEveryone } from "./visible-to";

/** For a connector with audience rules: what the rules cover. */
export interface AudienceStats {
  rules: number;
  /** Spaces with a rule of their own. */
  spaces: number;
  /** A rule covers every space of the connector. */
  wholeConnector: boolean;
  people: number;
  groups: number;
  /** Stored items no rule covers: only administrators see them. */
  itemsWithoutAudience: number;
}

export interface PermissionStats {
  /** Which strategy decides what members see; with "audience" the Confluence counters are not used. */
  strategy: "mirror" | "audience";
  audience: AudienceStats | null;
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

/** What the permissions mirror of one connector holds, or what its audience rules cover, for the dashboard's Permissions panel. */
export async function permissionStats(connectorId: string): Promise<PermissionStats> {
  const connector = await findConnectorRow(connectorId);
  const [row] = await db().$queryRaw<Record<Exclude<keyof PermissionStats, "strategy" | "audience">, bigint>[]>`
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
  const counters = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as Omit<PermissionStats, "strategy" | "audience">;
  if (connector.accessStrategy !== "audience") return { strategy: "mirror", audience: null, ...counters };
  return { strategy: "audience", audience: await audienceStats(connectorId), ...counters };
}

async function audienceStats(connectorId: string): Promise<AudienceStats> {
  const [row] = await db().$queryRaw<{ rules: bigint; spaces: bigint; whole: boolean; people: bigint; groups: bigint; uncovered: bigint }[]>`
    SELECT count(*) AS rules, count(DISTINCT space_id) AS spaces, bool_or(space_id IS NULL) IS TRUE AS whole,
      count(DISTINCT principal_id) FILTER (WHERE principal_type = 'user') AS people,
      count(DISTINCT principal_id) FILTER (WHERE principal_type = 'app_group') AS groups,
      (SELECT count(*) FROM content_items i WHERE i.connector_id = ${connectorId}
        AND NOT EXISTS (SELECT 1 FROM audience_rules r WHERE r.connector_id = i.connector_id AND (r.space_id IS NULL OR r.space_id = i.space_confluence_id))) AS uncovered
    FROM audience_rules WHERE connector_id = ${connectorId}`;
  return {
    rules: Number(row!.rules),
    spaces: Number(row!.spaces),
    wholeConnector: row!.whole,
    people: Number(row!.people),
    groups: Number(row!.groups),
    itemsWithoutAudience: Number(row!.uncovered),
  };
}
