import { advance, spaceBatch } from "../advance";
import { commitPage, type ItemFailure } from "../commit-page";
import type { ItemType } from "../counters";
import type { Kept } from "../filters";
import { removeItems } from "../listing-step";
import type { ItemRecord, Mapped, StoredType } from "../map-items";
import type { Phase, StepContext, SyncStep } from "../step-context";
import { dcSpaceKeys } from "./cql";
import type { DcPage } from "./list-page";

export interface DcListingOptions {
  name: string;
  phase: Phase;
  /** The types this listing yields (comments: footer and inline from one list). */
  types: StoredType[];
  /** Spaces per unit: 1 for walks by space key (scan, `/content`), up to 100 for a CQL search over several. */
  spacesPerUnit: (ctx: StepContext) => number;
  fetch: (ctx: StepContext, spaceKeys: string[], cursor: string | null) => Promise<DcPage>;
  map: (raw: unknown, baseUrl: string) => Mapped<ItemRecord>;
  keep?: (records: ItemRecord[], ctx: StepContext) => Promise<Kept> | Kept;
  /** Items listed with these statuses (trashed, found by incremental searches) leave the store, with their comments and attachments. */
  removeStatuses?: string[];
}

/**
 * One Data Center list page per unit, committed by the engine like a Cloud one (records, failures,
 * counters and the next checkpoint in one transaction). What the filters now put outside leaves
 * the store, as does what an incremental search finds in the trash; a purge leaves no trace, so
 * it waits for the next full run's reconciliation.
 */
export function dcListingStep(options: DcListingOptions): SyncStep {
  return {
    name: options.name,
    phase: options.phase,
    async runOnce(ctx) {
      const cp = ctx.checkpoint;
      const batch = options.spacesPerUnit(ctx);
      const keys = await dcSpaceKeys(ctx.connectorId, spaceBatch(cp, batch));
      const page = keys.length ? await options.fetch(ctx, keys, cp.cursor) : { results: [], nextCursor: null };
      const failures: ItemFailure[] = [];
      let records: ItemRecord[] = [];
      for (const raw of page.results) {
        const mapped = options.map(raw, ctx.siteUrl);
        if (!mapped.ok) failures.push({ itemType: options.types[0]!, confluenceId: mapped.id, reason: mapped.reason });
        else records.push(mapped.value);
      }
      const removed = records.filter((r) => options.removeStatuses?.includes(r.status)).map((r) => r.confluenceId);
      records = records.filter((r) => !options.removeStatuses?.includes(r.status));
      if (options.keep) {
        const { kept, leaving } = await options.keep(records, ctx);
        records = kept;
        removed.push(...leaving);
      }
      const delta: Partial<Record<ItemType, { discovered: number; deleted?: number }>> = {};
      for (const type of options.types) delta[type] = { discovered: records.filter((r) => r.type === type).length };
      await commitPage(ctx, {
        phase: options.phase,
        records,
        failures,
        next: advance(cp, { nextCursor: page.nextCursor, perSpace: true, batch }),
        delta,
        extra: removed.length
          ? async (tx) => {
              delta[options.types[0]!]!.deleted = await removeItems(tx, ctx.connectorId, removed);
            }
          : undefined,
      });
    },
  };
}
