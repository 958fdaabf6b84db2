import type { Prisma } from "../generated/prisma/client";

/**
 * Derives every stored page's and folder's ancestor chain and space from the parent links, in
 * one recursive statement: roots (no parent) have no ancestors; detached items (parent not
 * stored) keep the chain the API gave them; a child's chain is its parent's plus the parent, and
 * its space is its parent's (children live in their parent's space, so a page moved to another
 * space takes its subtree along). Comments and attachments then take their container's space.
 * Only rows that differ are written.
 */
export async function deriveTree(tx: Prisma.TransactionClient, connectorId: string): Promise<void> {
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
