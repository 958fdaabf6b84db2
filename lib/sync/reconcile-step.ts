import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import type { ItemType } from "./counters";
import type { SyncStep } from "./step-context";

/**
 * Full runs only: whatever this run did not see is gone from Confluence (deleted, purged,
 * moved out of scope, or filtered out) and leaves our store in the same transaction.
 */
export const reconcileStep: SyncStep = {
  name: "reconcile",
  phase: "reconciling",
  async runOnce(ctx) {
    const delta: Partial<Record<ItemType, { deleted: number }>> = {};
    await commitPage(ctx, {
      phase: "reconciling",
      next: nextStep(ctx.checkpoint),
      delta,
      extra: async (tx) => {
        const stale = { connectorId: ctx.connectorId, OR: [{ lastSeenRunId: null }, { lastSeenRunId: { not: ctx.runId } }] };
        const gone = await tx.contentItem.groupBy({ by: ["type"], where: stale, _count: { _all: true } });
        for (const g of gone) delta[g.type as ItemType] = { deleted: g._count._all };
        await tx.contentItem.deleteMany({ where: stale });
        const spaces = await tx.confluenceSpace.deleteMany({ where: stale });
        if (spaces.count) delta.space = { deleted: spaces.count };
      },
    });
  },
};
