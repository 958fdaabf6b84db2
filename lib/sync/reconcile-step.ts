import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import type { ItemType } from "./counters";
import { pauseForDeletionReview, shouldAskBeforeDeleting } from "./deletion-review";
import type { SyncStep } from "./step-context";

const CHILD_TYPES = ["footer_comment", "inline_comment", "attachment"];
const CONTAINER_TYPES = ["folder", "page", "blogpost"];

/**
 * The types whose unseen records may not be deleted this run: those whose listing did not
 * finish cleanly, comments and attachments when a container listing did not (their page may
 * be one nobody could name), and everything when the space list itself was incomplete.
 */
export function typesNotReconciled(incomplete: string[]): string[] {
  if (incomplete.includes("space")) return ["space", ...CONTAINER_TYPES, ...CHILD_TYPES];
  const skipped = new Set(incomplete.filter((t) => t !== "label" && t !== "permission"));
  if (CONTAINER_TYPES.some((t) => skipped.has(t))) for (const t of CHILD_TYPES) skipped.add(t);
  return [...skipped];
}

/**
 * Full runs only: whatever this run did not see is gone from Confluence (deleted, purged,
 * moved out of scope, or filtered out) and leaves our store in the same transaction, except
 * where a listing was incomplete, and only after asking when it would remove a large share.
 */
export const reconcileStep: SyncStep = {
  name: "reconcile",
  phase: "reconciling",
  async runOnce(ctx) {
    const skipped = typesNotReconciled(ctx.checkpoint.incomplete);
    const decision = ctx.checkpoint.deletion?.decision ?? null;
    const delta: Partial<Record<ItemType, { deleted: number }>> = {};
    const stale = {
      connectorId: ctx.connectorId,
      OR: [{ lastSeenRunId: null }, { lastSeenRunId: { not: ctx.runId } }],
    };
    const staleItems = { ...stale, type: { notIn: skipped } };
    const reconcileSpaces = !skipped.includes("space");
    if (decision === null) {
      const ask = await shouldAskBeforeDeleting(ctx.connectorId, staleItems, reconcileSpaces ? stale : null);
      if (ask) return pauseForDeletionReview(ctx, ask);
    }
    await commitPage(ctx, {
      phase: "reconciling",
      next: nextStep(ctx.checkpoint),
      delta,
      extra: async (tx) => {
        if (decision === "keep") return;
        const gone = await tx.contentItem.groupBy({ by: ["type"], where: staleItems, _count: { _all: true } });
        for (const g of gone) delta[g.type as ItemType] = { deleted: g._count._all };
        await tx.contentItem.deleteMany({ where: staleItems });
        if (!reconcileSpaces) return;
        const spaces = await tx.confluenceSpace.deleteMany({ where: stale });
        if (spaces.count) delta.space = { deleted: spaces.count };
      },
    });
  },
};
