import type { Prisma } from "../generated/prisma/client";

/**
 * Derives stored pages' and folders' ancestor chains and spaces from the parent links: roots (no
 * parent) have no ancestors; detached items (parent not stored) keep the chain the API gave them;
 * a child's chain is its parent's plus the parent, and its space is its parent's (children live
 * in their parent's space, so a page moved to another space takes its subtree along). Comments
 * and attachments then take their container's space. Only rows that differ are written. A full
 * run derives the whole site; an incremental one (`listedIn`, its run id) only the subtrees of
 * what it listed or left without a chain, so its cost follows the changes, not the site.
 */
export async function deriveTree(tx: Prisma.TransactionClient, connectorId: string, listedIn?: string): Promise<void> {
  if (listedIn !== undefined) return deriveListedSubtrees(tx, connectorId, listedIn);
  await tx.$executeRaw`
    WITH RECURSIVE nodes AS (
      SELECT confluence_id, parent_id, space_confluence_id, ancestor_ids
      FROM content_items WHERE connector_id = ${connectorId} AND type IN ('page', 'folder')
    ), tree AS (
      SELECT n.confluence_id AS id,
             CASE WHEN n.parent_id IS NULL THEN ARRAY[]::text[] ELSE COALESCE(n.ancestor_ids, ARRAY[]::text[]) END AS chain,
             n.space_confluence_id AS space, 0 AS depth
      FROM nodes n
      WHERE n.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM nodes p WHERE p.confluence_id = n.parent_id)
      UNION ALL
      SELECT c.confluence_id, t.chain || t.id, COALESCE(t.space, c.space_confluence_id), t.depth + 1
      FROM tree t JOIN nodes c ON c.parent_id = t.id
      -- A cycle can only come from a store caught between two moves; the depth bound ends it.
      WHERE t.depth < 200 AND NOT (c.confluence_id = ANY (t.chain))
    )
    UPDATE content_items ci SET ancestor_ids = tree.chain, space_confluence_id = tree.space, updated_at = now(),
      -- The breadcrumb and space are part of the indexed document.
      index_status = 'pending', index_error = NULL
    FROM tree
    WHERE ci.connector_id = ${connectorId} AND ci.confluence_id = tree.id
      AND (ci.ancestor_ids IS DISTINCT FROM tree.chain OR ci.space_confluence_id IS DISTINCT FROM tree.space)`;
  await tx.$executeRaw`
    UPDATE content_items c SET space_confluence_id = p.space_confluence_id, updated_at = now(), index_status = 'pending', index_error = NULL
    FROM content_items p
    WHERE c.connector_id = ${connectorId} AND p.connector_id = ${connectorId}
      AND c.type IN ('footer_comment', 'inline_comment', 'attachment') AND p.type IN ('page', 'blogpost')
      AND p.confluence_id = c.container_id
      AND c.space_confluence_id IS DISTINCT FROM p.space_confluence_id`;
}

/**
 * The subtrees of the pages and folders a run listed, and of those whose chain was emptied when
 * an ancestor left the store (listing a trashed page empties the chains below it, and only its
 * direct children, now detached, are asked again): each item's chain from its stored parent,
 * then down through its descendants. An item reached from two listed ancestors takes the
 * chain from the higher one (the deepest derivation), which is the one derived from fresh chains
 * all the way down. Children of moved containers take the new space; comments and attachments
 * the run listed, or whose container it listed, take their container's.
 */
async function deriveListedSubtrees(tx: Prisma.TransactionClient, connectorId: string, runId: string): Promise<void> {
  await tx.$executeRaw`
    WITH RECURSIVE tree AS (
      SELECT c.confluence_id AS id,
             CASE WHEN c.parent_id IS NULL THEN ARRAY[]::text[] WHEN p.confluence_id IS NULL THEN COALESCE(c.ancestor_ids, ARRAY[]::text[])
               ELSE COALESCE(p.ancestor_ids, ARRAY[]::text[]) || p.confluence_id END AS chain,
             CASE WHEN p.confluence_id IS NULL THEN c.space_confluence_id ELSE COALESCE(p.space_confluence_id, c.space_confluence_id) END AS space,
             0 AS depth
      FROM content_items c
      LEFT JOIN content_items p ON p.connector_id = c.connector_id AND p.confluence_id = c.parent_id AND p.type IN ('page', 'folder')
      WHERE c.connector_id = ${connectorId} AND c.type IN ('page', 'folder')
        AND (c.last_seen_run_id = ${runId} OR (c.type IN ('page', 'folder') AND c.parent_id IS NOT NULL AND cardinality(c.ancestor_ids) = 0))
      UNION ALL
      SELECT c.confluence_id, t.chain || t.id, COALESCE(t.space, c.space_confluence_id), t.depth + 1
      FROM tree t JOIN content_items c ON c.connector_id = ${connectorId} AND c.parent_id = t.id AND c.type IN ('page', 'folder')
      WHERE t.depth < 200 AND NOT (c.confluence_id = ANY (t.chain))
    ), best AS (
      SELECT DISTINCT ON (id) id, chain, space FROM tree ORDER BY id, depth DESC
    ), moved AS (
      UPDATE content_items ci SET ancestor_ids = best.chain, space_confluence_id = best.space, updated_at = now(), index_status = 'pending', index_error = NULL
      FROM best
      WHERE ci.connector_id = ${connectorId} AND ci.confluence_id = best.id
        AND (ci.ancestor_ids IS DISTINCT FROM best.chain OR ci.space_confluence_id IS DISTINCT FROM best.space)
      RETURNING ci.confluence_id, ci.space_confluence_id
    )
    UPDATE content_items c SET space_confluence_id = moved.space_confluence_id, updated_at = now(), index_status = 'pending', index_error = NULL
    FROM moved
    WHERE c.connector_id = ${connectorId} AND c.type IN ('footer_comment', 'inline_comment', 'attachment') AND c.container_id = moved.confluence_id
      AND c.space_confluence_id IS DISTINCT FROM moved.space_confluence_id`;
  // Two statements, each led by an index: the comments and attachments listed, and those of the containers listed.
  await tx.$executeRaw`
    UPDATE content_items c SET space_confluence_id = p.space_confluence_id, updated_at = now(), index_status = 'pending', index_error = NULL
    FROM content_items p
    WHERE c.connector_id = ${connectorId} AND c.last_seen_run_id = ${runId} AND c.type IN ('footer_comment', 'inline_comment', 'attachment')
      AND p.connector_id = ${connectorId} AND p.confluence_id = c.container_id AND p.type IN ('page', 'blogpost')
      AND c.space_confluence_id IS DISTINCT FROM p.space_confluence_id`;
  await tx.$executeRaw`
    UPDATE content_items c SET space_confluence_id = p.space_confluence_id, updated_at = now(), index_status = 'pending', index_error = NULL
    FROM content_items p
    WHERE p.connector_id = ${connectorId} AND p.last_seen_run_id = ${runId} AND p.type IN ('page', 'blogpost')
      AND c.connector_id = ${connectorId} AND c.container_id = p.confluence_id AND c.type IN ('footer_comment', 'inline_comment', 'attachment')
      AND c.space_confluence_id IS DISTINCT FROM p.space_confluence_id`;
}

/**
 * With a Page IDs filter, pages and folders whose chain (once derived) holds no chosen page leave
 * the store with their comments and attachments: a page moved out of the chosen trees takes its
 * subtree out too, though an incremental run lists only the moved page. Returns counts by type.
 */
export async function dropOutsideTrees(tx: Prisma.TransactionClient, connectorId: string, roots: string[]): Promise<Record<string, number>> {
  if (roots.length === 0) return {};
  const gone = await tx.$queryRaw<{ type: string; count: bigint }[]>`
    WITH outside AS (
      DELETE FROM content_items
      WHERE connector_id = ${connectorId} AND type IN ('page', 'folder')
        AND NOT (confluence_id = ANY (${roots}::text[]) OR COALESCE(ancestor_ids, ARRAY[]::text[]) && ${roots}::text[])
      RETURNING confluence_id, type
    ), children AS (
      DELETE FROM content_items c USING outside o
      WHERE c.connector_id = ${connectorId} AND c.type IN ('footer_comment', 'inline_comment', 'attachment')
        AND c.container_id = o.confluence_id
      RETURNING c.type
    )
    SELECT type, count(*) AS count FROM (SELECT type FROM outside UNION ALL SELECT type FROM children) t GROUP BY type`;
  return Object.fromEntries(gone.map((g) => [g.type, Number(g.count)]));
}
