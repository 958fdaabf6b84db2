import { Prisma } from "../generated/prisma/client";

/**
 * Who is asking: an administrator of this app (sees everything) or a member, whose view is
 * Confluence's own rule for the Confluence account they are linked to on each connector.
 */
export type Viewer = { kind: "admin" } | { kind: "member"; userId: string };

/**
 * The member's Confluence account on the item's connector: an explicit link, else the synced
 * user whose visible email equals their sign-in email (hidden emails are never guessed).
 */
function linkedAccount(userId: string, connectorId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT x.account_id FROM (
      SELECT l.account_id, 0 AS rank FROM confluence_account_links l WHERE l.user_id = ${userId} AND l.connector_id = ${connectorId}
      UNION ALL
      SELECT e.account_id, 1 FROM confluence_users e JOIN users u ON u.id = ${userId}
      WHERE e.connector_id = ${connectorId} AND e.email IS NOT NULL AND e.email <> '' AND lower(e.email) = lower(u.email)
      ORDER BY rank, account_id LIMIT 1
    ) x
  )`;
}

/**
 * The nodes whose read restrictions decide an item: a page, blog post or folder and all its
 * ancestors; a comment's or attachment's container and the container's ancestors. A container
 * that is not stored leaves its bare id, which has no restriction row and so decides "nobody".
 */
export function decidingNodes(item: Prisma.Sql): Prisma.Sql {
  const containerId = Prisma.sql`COALESCE(${item}.container_id, '')`;
  return Prisma.sql`CASE WHEN ${item}.type IN ('footer_comment', 'inline_comment', 'attachment') THEN COALESCE(
      (SELECT p.ancestor_ids || p.confluence_id FROM content_items p WHERE p.connector_id = ${item}.connector_id AND p.confluence_id = ${containerId}),
      ARRAY[${containerId}])
    ELSE ${item}.ancestor_ids || ${item}.confluence_id END`;
}

/**
 * The member's linked account and groups per connector, computed once per statement (a
 * MATERIALIZED CTE named `permission_viewer`, and beside it `permission_spaces`, the spaces that
 * account may view) instead of once per candidate row. Every connector
 * has a row: where the member is not linked `account_id` is NULL and they are anonymous there.
 * Each row also carries the connector's access strategy (read here, so a switch applies to the
 * next query), the app user's id and their app group ids, for audience rules. Every statement
 * that uses `visibleTo` starts with `WITH ${viewerCte(viewer)}`.
 */
export function viewerCte(viewer: Viewer): Prisma.Sql {
  if (viewer.kind === "admin")
    return Prisma.sql`permission_viewer AS MATERIALIZED (SELECT NULL::text AS connector_id, NULL::text AS strategy, NULL::text AS account_id, FALSE AS active, FALSE AS licensed,
      ARRAY[]::text[] AS group_ids, NULL::text AS user_id, ARRAY[]::text[] AS app_group_ids WHERE FALSE)`;
  return Prisma.sql`permission_viewer AS MATERIALIZED (
    SELECT a.connector_id, a.strategy, a.account_id,
      -- A deactivated or closed account sees nothing, as in Confluence, where it cannot sign in.
      NOT EXISTS (SELECT 1 FROM confluence_users cu WHERE cu.connector_id = a.connector_id AND cu.account_id = a.account_id AND cu.account_status IN ('inactive', 'closed')) AS active,
      -- Grants to "all licensed users" or "authenticated users" reach a linked Atlassian account
      -- (not an app or a customer account, and not one whose type the sync never saw).
      EXISTS (SELECT 1 FROM confluence_users cu WHERE cu.connector_id = a.connector_id AND cu.account_id = a.account_id AND cu.account_type = 'atlassian') AS licensed,
      COALESCE((SELECT array_agg(m.group_id) FROM confluence_group_members m WHERE m.connector_id = a.connector_id AND m.account_id = a.account_id), ARRAY[]::text[]) AS group_ids,
      ${viewer.userId}::text AS user_id,
      COALESCE((SELECT array_agg(g.group_id::text) FROM app_group_members g WHERE g.user_id = ${viewer.userId}), ARRAY[]::text[]) AS app_group_ids
    FROM (SELECT c.id AS connector_id, c.access_strategy AS strategy,
      -- Audience rules never look at Confluence accounts.
      CASE WHEN c.access_strategy = 'mirror' THEN ${linkedAccount(viewer.userId, Prisma.raw("c.id"))} END AS account_id
      FROM connectors c) a),
    -- The spaces the member's linked account may view, per connector: a search asks this of every
    -- matching record, so it is answered once (a hashed set) instead of probing the grants each time.
    permission_spaces AS MATERIALIZED (
      SELECT v.connector_id, s.space_id FROM permission_viewer v JOIN space_read_grants s ON s.connector_id = v.connector_id
      WHERE v.strategy = 'mirror' AND v.active
        AND (s.principal_type = 'anonymous'
          OR (s.principal_type = 'licensed' AND v.licensed)
          OR (s.principal_type = 'user' AND s.principal_id = v.account_id)
          OR (s.principal_type = 'group' AND s.principal_id = ANY (v.group_ids))))`;
}

/**
 * The one visibility rule, as a SQL predicate over a `content_items` row (`alias`), used by
 * search, All Records and record detail alike (with `viewerCte` in the same statement). A member
 * may view an item when their linked account (1) may view the item's space (a grant to them, a
 * group they are in, anonymous, or every licensed account; role grants are stored expanded) and (2) passes every
 * read-restriction layer on the item's deciding nodes: each layer is ORed inside (one of its
 * users, or in one of its groups) and the layers are ANDed. A node never read, or read as
 * "nobody", fails everyone. Edit restrictions are never stored. A deactivated linked account sees
 * nothing; without a linked account a member is anonymous: only spaces granted to anonymous access, and no restricted layer passes
 * (the COALESCE keeps a NULL account from turning a refusal into "unknown", which would admit).
 * That is the "mirror" strategy; on a connector with strategy "audience" only its audience
 * rules decide, and no Confluence permission is consulted.
 */
export function visibleTo(viewer: Viewer, alias: string): Prisma.Sql {
  if (viewer.kind === "admin") return Prisma.sql`TRUE`;
  const item = Prisma.raw(alias);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM permission_viewer v
    WHERE v.connector_id = ${item}.connector_id AND ((v.strategy = 'mirror' AND v.active
      AND (${item}.connector_id, ${item}.space_confluence_id) IN (SELECT ps.connector_id, ps.space_id FROM permission_spaces ps)
      AND ${restrictionsAdmit(item)})
    OR (v.strategy = 'audience' AND ${audienceAdmits(item)}))
  )`;
}

/** A restriction row `r` that refuses the viewer (`v`): "nobody", or restricted to others. */
const refuses = Prisma.sql`(r.state = 'nobody'
  OR (r.state = 'restricted' AND NOT (COALESCE(v.account_id = ANY (r.user_ids), FALSE) OR r.group_ids && v.group_ids)))`;

/**
 * Every deciding node (`decidingNodes`) has a restriction row and none refuses the viewer. The
 * same test as over `decidingNodes`, split for speed, since a search runs it for every matching
 * record: the first node (a page's own, a comment's or attachment's container) is one index
 * probe, and the ancestors are unnested only when there are some (building and unnesting an
 * array costs several times the probe).
 */
function restrictionsAdmit(item: Prisma.Sql): Prisma.Sql {
  const containerId = Prisma.sql`COALESCE(${item}.container_id, '')`;
  const admits = (node: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM read_restrictions r WHERE r.connector_id = ${item}.connector_id AND r.node_id = ${node} AND ${refuses} IS NOT TRUE)`;
  const refusingAncestor = Prisma.sql`LEFT JOIN read_restrictions r ON r.connector_id = ${item}.connector_id AND r.node_id = n.node_id
        WHERE (r.node_id IS NULL OR ${refuses})`;
  return Prisma.sql`CASE WHEN ${item}.type IN ('footer_comment', 'inline_comment', 'attachment') THEN
        ${admits(containerId)} AND NOT EXISTS (
          SELECT 1 FROM content_items p CROSS JOIN LATERAL unnest(p.ancestor_ids) AS n(node_id) ${refusingAncestor}
            AND p.connector_id = ${item}.connector_id AND p.confluence_id = ${containerId})
      ELSE ${admits(Prisma.sql`${item}.confluence_id`)} AND (COALESCE(cardinality(${item}.ancestor_ids), 0) = 0
        OR NOT EXISTS (SELECT 1 FROM unnest(${item}.ancestor_ids) AS n(node_id) ${refusingAncestor}))
      END`;
}

/**
 * Audience rules (docs/decisions/014): a rule for the item's connector, on its space or on the
 * whole connector (space NULL), naming the viewer (`v`) or one of their app groups.
 */
function audienceAdmits(item: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM audience_rules ar
    WHERE ar.connector_id = ${item}.connector_id AND (ar.space_id IS NULL OR ar.space_id = ${item}.space_confluence_id)
      AND ((ar.principal_type = 'user' AND ar.principal_id = v.user_id) OR (ar.principal_type = 'app_group' AND ar.principal_id = ANY (v.app_group_ids))))`;
}

/**
 * True for an item that no member may view whatever their account: one of its deciding nodes
 * was never read or was read as "nobody". The dashboard counts these.
 */
export function hiddenFromEveryone(alias: string): Prisma.Sql {
  const item = Prisma.raw(alias);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM unnest(${decidingNodes(item)}) AS n(node_id)
    LEFT JOIN read_restrictions r ON r.connector_id = ${item}.connector_id AND r.node_id = n.node_id
    WHERE r.node_id IS NULL OR r.state = 'nobody')`;
}
