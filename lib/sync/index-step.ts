import { ZUsersBulk } from "../confluence";
import { dcUsersByKey } from "./dc/people";
import { prepareIndexBatch, writeIndexBatch } from "../indexing";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import type { ItemType, TypeCounters } from "./counters";
import type { SyncStep } from "./step-context";

/**
 * The indexing stage: converts what this run (or an earlier one) left pending into Markdown
 * and index chunks, one bounded batch per commit, with the run's counters in the same
 * transaction. Needs no Confluence requests: everything comes from the stored bodies and files.
 */
export const indexStep: SyncStep = {
  name: "indexing",
  phase: "indexing",
  async runOnce(ctx) {
    const { items, more } = await prepareIndexBatch({
      connectorId: ctx.connectorId,
      siteUrl: ctx.siteUrl,
      wikiUrl: ctx.site.deployment === "datacenter" ? ctx.siteUrl : undefined,
      config: ctx.config,
      // Authors and mentioned users are named in documents; each is looked up once per connector.
      fetchUsers:
        ctx.site.deployment === "datacenter"
          ? (keys) => dcUsersByKey(ctx, keys)
          : async (accountIds) => (await ctx.client.postJson("/wiki/api/v2/users-bulk", { body: { accountIds }, schema: ZUsersBulk })).results,
    });
    const delta: Partial<Record<ItemType, Partial<TypeCounters>>> = {};
    await commitPage(ctx, {
      phase: "indexing",
      next: more ? ctx.checkpoint : nextStep(ctx.checkpoint),
      delta,
      extra: async (tx) => {
        const tally = await writeIndexBatch(tx, ctx.connectorId, items);
        for (const [type, t] of tally) if (type in ctx.counters) delta[type as ItemType] = { ...t };
        const failed = items.filter((i) => i.outcome === "failed" && tally.has(i.type));
        if (failed.length) {
          await tx.syncItemError.createMany({
            data: failed.map((i) => ({ runId: ctx.runId, itemType: i.type, confluenceId: i.confluenceId, reason: `indexing: ${i.reason}` })),
          });
        }
      },
    });
  },
};
