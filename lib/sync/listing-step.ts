import { NotFoundError, type Query } from "../confluence";
import { advance } from "./advance";
import { commitPage, type ItemFailure } from "./commit-page";
import type { ItemType } from "./counters";
import { fetchOnePage } from "./fetch-one-page";
import type { ItemRecord, Mapped } from "./map-items";
import type { Phase, StepContext, SyncStep } from "./step-context";

interface ListingOptions {
  name: string;
  phase: Phase;
  type: Exclude<ItemType, "space">;
  path: string;
  /** Walk the list once per space in scope (query gets `space-id`). */
  perSpace: boolean;
  query: (ctx: StepContext) => Query;
  map: (raw: unknown, siteUrl: string) => Mapped<ItemRecord>;
  /** Keep only what the filters allow (and, for comments and attachments, what belongs to synced content). */
  keep?: (records: ItemRecord[], ctx: StepContext) => Promise<ItemRecord[]> | ItemRecord[];
  /** Incremental runs: the list is newest-first, so stop at the first item older than `since`. */
  newestFirst?: boolean;
  /** Items listed with these statuses (trashed) leave the store, with their comments and attachments. */
  removeStatuses?: string[];
}

export function listingStep(options: ListingOptions): SyncStep {
  return {
    name: options.name,
    phase: options.phase,
    async runOnce(ctx) {
      const cp = ctx.checkpoint;
      if (options.perSpace && cp.spaceIds.length === 0) {
        await commitPage(ctx, { phase: options.phase, next: advance(cp, { nextCursor: null, perSpace: false }) });
        return;
      }
      const query = { ...options.query(ctx), ...(options.perSpace ? { "space-id": cp.spaceIds[cp.spaceIndex]! } : {}) };
      let page;
      try {
        page = await fetchOnePage(ctx.client, options.path, query, cp.cursor);
      } catch (err) {
        // A space deleted (or hidden from us) between discovery and listing: record it, move on.
        if (!(err instanceof NotFoundError) || !options.perSpace) throw err;
        await commitPage(ctx, {
          phase: options.phase,
          failures: [{ itemType: "space", confluenceId: cp.spaceIds[cp.spaceIndex]!, reason: `listing ${options.name} returned 404: the space is gone` }],
          next: advance(cp, { nextCursor: null, perSpace: true }),
        });
        return;
      }
      const failures: ItemFailure[] = [];
      let records: ItemRecord[] = [];
      for (const raw of page.results) {
        const mapped = options.map(raw, ctx.siteUrl);
        if (!mapped.ok) failures.push({ itemType: options.type, confluenceId: mapped.id, reason: mapped.reason });
        else records.push(mapped.value);
      }
      // Newest-first lists end the walk at the page whose last item is older than `since`. The
      // whole page is saved (unchanged versions cost nothing), because the sort key (last
      // modified) can be newer than the version time we read, as when a page is moved.
      const since = options.newestFirst && cp.since ? new Date(cp.since) : null;
      const last = records[records.length - 1];
      const reachedOld = since !== null && (!last || !last.modifiedAt || last.modifiedAt < since);
      const removed = records.filter((r) => options.removeStatuses?.includes(r.status)).map((r) => r.confluenceId);
      records = records.filter((r) => !options.removeStatuses?.includes(r.status));
      if (options.keep) records = await options.keep(records, ctx);
      const delta = { [options.type]: { discovered: records.length, deleted: 0 } };
      await commitPage(ctx, {
        phase: options.phase,
        type: options.type,
        records,
        failures,
        next: advance(cp, { nextCursor: page.nextCursor, perSpace: options.perSpace, stop: reachedOld }),
        delta,
        extra: removed.length
          ? async (tx) => {
              await tx.contentItem.deleteMany({ where: { connectorId: ctx.connectorId, parentId: { in: removed }, type: { in: ["footer_comment", "inline_comment", "attachment"] } } });
              const gone = await tx.contentItem.deleteMany({ where: { connectorId: ctx.connectorId, confluenceId: { in: removed } } });
              delta[options.type]!.deleted = gone.count;
            }
          : undefined,
      });
    },
  };
}
