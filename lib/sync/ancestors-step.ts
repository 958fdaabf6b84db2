import { z } from "zod";
import { NotFoundError } from "../confluence";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { nextStep } from "./advance";
import { commitPage, type ItemFailure } from "./commit-page";
import { ancestorsBySearch } from "./cql";
import type { ItemType } from "./counters";
import { deriveTree, dropOutsideTrees } from "./derive-tree";
import { fetchOnePage } from "./fetch-one-page";
import type { StepContext, SyncStep } from "./step-context";

/** Detached items per unit: one search page. */
const BATCH = 250;
const ZAncestor = z.object({ id: z.string() });

interface Detached {
  id: string;
  confluenceId: string;
  type: string;
}

/**
 * Fills `ancestorIds` (root first) of pages and folders, after their listings. Most chains come
 * from the store: a page's ancestors are its parent's plus the parent, so no request is needed
 * while every parent is stored. An item whose parent is not stored (below a trashed, restricted
 * or excluded page, or a Page IDs root) is "detached": its chain is asked by CQL search, 250 per
 * request, and from v2 one by one only for what the search misses (not indexed yet); the last
 * item done is the cursor. Full runs ask for every detached page (its unseen ancestors may have
 * moved); incremental runs only for those whose chain no longer ends at their parent (new or
 * moved). Folders bring their chains from their own listing. The last unit derives the rest,
 * and the space, from the parents in one statement (derive-tree.ts): a moved page's descendants
 * follow it without a request and without walking the space; with a Page IDs filter, what the
 * chains put outside the chosen trees then leaves the store.
 */
export const ancestorsStep: SyncStep = {
  name: "ancestors",
  phase: "fetching_content",
  async runOnce(ctx) {
    const cp = ctx.checkpoint;
    const full = ctx.kind === "full";
    // Full runs: what this run listed. Incremental runs: what it listed (new or moved) and the
    // chains emptied when an ancestor left, each found by index, not by a look at every page.
    const scope = full
      ? Prisma.sql`c.last_seen_run_id = ${ctx.runId}`
      : Prisma.sql`(c.last_seen_run_id = ${ctx.runId} OR (c.type IN ('page', 'folder') AND c.parent_id IS NOT NULL AND cardinality(c.ancestor_ids) = 0))`;
    const detached = await db().$queryRaw<Detached[]>`
      SELECT c.id, c.confluence_id AS "confluenceId", c.type
      FROM content_items c
      WHERE c.connector_id = ${ctx.connectorId} AND c.type IN ('page', 'folder') AND c.parent_id IS NOT NULL
        AND (${cp.cursor}::text IS NULL OR c.confluence_id > ${cp.cursor}::text)
        AND ${scope}
        AND NOT EXISTS (SELECT 1 FROM content_items p WHERE p.connector_id = c.connector_id AND p.confluence_id = c.parent_id AND p.type IN ('page', 'folder'))
        AND ((${full} AND c.type = 'page') OR COALESCE(c.ancestor_ids[cardinality(c.ancestor_ids)], '') <> c.parent_id)
      ORDER BY c.confluence_id
      LIMIT ${BATCH}`;
    if (detached.length === 0) return finishTree(ctx);
    const chains = await ancestorsBySearch(
      ctx,
      "page, folder",
      detached.map((d) => d.confluenceId),
    );
    const failures: ItemFailure[] = [];
    await Promise.all(
      detached
        .filter((d) => !chains.has(d.confluenceId))
        .map(async (item) => {
          const chain = await ancestorsOf(ctx, item, failures);
          if (chain) chains.set(item.confluenceId, chain);
        }),
    );
    await commitPage(ctx, {
      phase: "fetching_content",
      failures,
      next: { ...cp, cursor: detached[detached.length - 1]!.confluenceId },
      extra: async (tx) => {
        for (const item of detached) {
          const chain = chains.get(item.confluenceId);
          if (chain) await tx.contentItem.update({ where: { id: item.id }, data: { ancestorIds: chain } });
        }
      },
    });
  },
};

/**
 * The last unit: chains and spaces derived from the stored parents (the whole site on a full run,
 * the subtrees of what was listed on an incremental one), and with
 * a Page IDs filter what falls outside the trees leaves. A Data Center run has only this unit, since
 * its listings carry each page's whole chain.
 */
export async function finishTree(ctx: StepContext): Promise<void> {
  const delta: Partial<Record<ItemType, { deleted: number }>> = {};
  await commitPage(ctx, {
    phase: "fetching_content",
    next: nextStep(ctx.checkpoint),
    delta,
    extra: async (tx) => {
      await deriveTree(tx, ctx.connectorId, ctx.kind === "incremental" ? ctx.runId : undefined);
      const gone = await dropOutsideTrees(tx, ctx.connectorId, ctx.config.filters.pageIds);
      for (const [type, deleted] of Object.entries(gone)) delta[type as ItemType] = { deleted };
    },
  });
}

/** One item's ancestors from v2; null when it is gone (the next run removes it) or the answer is malformed (recorded). */
async function ancestorsOf(ctx: StepContext, item: Detached, failures: ItemFailure[]): Promise<string[] | null> {
  const path = `/wiki/api/v2/${item.type === "folder" ? "folders" : "pages"}/${item.confluenceId}/ancestors`;
  try {
    const page = await fetchOnePage(ctx.client, path, { limit: 250 }, null);
    return page.results.map((raw) => ZAncestor.parse(raw).id);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    if (!(err instanceof z.ZodError)) throw err;
    failures.push({
      itemType: item.type === "folder" ? "folder" : "page",
      confluenceId: item.confluenceId,
      reason: `unexpected ancestors shape: ${err.issues[0]?.message}`,
    });
    return null;
  }
}
