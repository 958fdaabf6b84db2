import { ZUsersBulk } from "../confluence";
import { dcUsersByKey } from "./dc/people";
import { prepareIndexBatch, writeIndexBatch } from "../indexing";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import type { ItemType, TypeCounters } from "./counters";
import type { StepContext, SyncStep } from "./step-context";

/**
 * Converts one bounded batch of what is pending into Markdown and index chunks and commits it
 * with the run's counters. The index step passes `advance` (its checkpoint moves on when nothing
 * is left); the indexer beside the walk does not, and leaves the walk's checkpoint and phase alone.
 * `documentsOnly` leaves attachments pending while their files may still be downloading.
 * Returns how many items the batch held.
 */
export async function indexOneBatch(ctx: StepContext, options: { advance: boolean; documentsOnly?: boolean }): Promise<number> {
  const { items, more } = await prepareIndexBatch({
    connectorId: ctx.connectorId,
    siteUrl: ctx.siteUrl,
    wikiUrl: ctx.site.deployment === "datacenter" ? ctx.siteUrl : undefined,
    config: ctx.config,
    ...(options.documentsOnly ? { attachmentLimit: 0 } : {}),
    // Beside the walk, files may still be downloading (beside the restriction reads, then in their own step).
    ...(options.advance ? {} : { settledFilesOnly: true }),
    // Authors and mentioned users are named in documents; each is looked up once per connector.
    fetchUsers:
      ctx.site.deployment === "datacenter"
        ? (keys) => dcUsersByKey(ctx, keys)
        : async (accountIds) => (await ctx.client.postJson("/wiki/api/v2/users-bulk", { body: { accountIds }, schema: ZUsersBulk })).results,
  });
  if (!options.advance && items.length === 0) return 0;
  const delta: Partial<Record<ItemType, Partial<TypeCounters>>> = {};
  await commitPage(ctx, {
    ...(options.advance ? { phase: "indexing" as const, next: more ? ctx.checkpoint : nextStep(ctx.checkpoint) } : { background: true }),
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
  return items.length;
}

/**
 * The indexing stage: converts what this run (or an earlier one) left pending into Markdown
 * and index chunks, one bounded batch per commit, with the run's counters in the same
 * transaction. Needs no Confluence requests beyond user names: everything comes from the stored
 * bodies and files. Most of the work is usually done already, beside the walk.
 */
export const indexStep: SyncStep = {
  name: "indexing",
  phase: "indexing",
  async runOnce(ctx) {
    await indexOneBatch(ctx, { advance: true });
  },
};
