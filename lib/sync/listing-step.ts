import type { Query } from "../confluence";
import type { Prisma } from "../generated/prisma/client";
import { advance, spaceBatch } from "./advance";
import { commitPage, type ItemFailure } from "./commit-page";
import { fetchAhead, fetchOnePage } from "./fetch-one-page";
import { withBodies } from "./fetch-bodies";
import type { Kept } from "./filters";
import type { ItemRecord, Mapped, StoredType } from "./map-items";
import type { Phase, StepContext, SyncStep } from "./step-context";

interface ListingOptions {
  name: string;
  phase: Phase;
  type: StoredType;
  path: string;
  /** Walk the list per batch of up to 100 spaces in scope (query gets `space-id`). */
  perSpace: boolean;
  /** The list query, without `body-format` (see `bodies`). */
  query: (ctx: StepContext) => Query;
  /**
   * `inline`: storage bodies in the list itself (one pass, the fewest requests). `by-id`: list
   * without bodies, filter, then fetch the bodies of the kept items by id (filters by page id or
   * date: excluded bodies are never downloaded). `none`: the type has no body (attachments).
   */
  bodies: (ctx: StepContext) => "inline" | "by-id" | "none";
  map: (raw: unknown, siteUrl: string) => Mapped<ItemRecord>;
  /** Keep only what the filters allow (and, for comments and attachments, what belongs to synced content). */
  keep?: (records: ItemRecord[], ctx: StepContext) => Promise<Kept> | Kept;
  /** Incremental runs: the list is newest-first, so stop at the first item older than `since`. */
  newestFirst?: boolean;
  /** Items listed with these statuses (trashed) leave the store, with their comments and attachments. */
  removeStatuses?: string[];
}

/** Bodies of a listed page (in characters) above which the next page is not fetched ahead. */
const AHEAD_BODY_CHARS = 4_000_000;
const bodyChars = (records: ItemRecord[]) => records.reduce((sum, r) => sum + (r.body?.length ?? 0), 0);

export function listingStep(options: ListingOptions): SyncStep {
  return {
    name: options.name,
    phase: options.phase,
    async runOnce(ctx) {
      const cp = ctx.checkpoint;
      if (options.perSpace && spaceBatch(cp).length === 0) {
        await commitPage(ctx, { phase: options.phase, next: advance(cp, { nextCursor: null, perSpace: false }) });
        return;
      }
      const bodies = options.bodies(ctx);
      const query = {
        ...options.query(ctx),
        ...(bodies === "inline" ? { "body-format": "storage" } : {}),
        ...(options.perSpace ? { "space-id": spaceBatch(cp) } : {}),
      };
      // `space-id` filters the list, so a space deleted since discovery lists nothing (no 404).
      const page = await fetchOnePage(ctx.client, options.path, query, cp.cursor);
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
      // The next page's request overlaps this one's filters and commit; not past the end of an
      // incremental walk or of the slice (requests the run would not use), nor after a page of
      // large bodies (two of those in memory at once).
      if (page.nextCursor && !reachedOld && Date.now() < ctx.sliceEndsAt && bodyChars(records) <= AHEAD_BODY_CHARS) {
        fetchAhead(ctx.client, options.path, query, page.nextCursor);
      }
      const removed = records.filter((r) => options.removeStatuses?.includes(r.status)).map((r) => r.confluenceId);
      records = records.filter((r) => !options.removeStatuses?.includes(r.status));
      if (options.keep) {
        // What the filters put outside leaves the store like a trashed item (if it was stored).
        const { kept, leaving } = await options.keep(records, ctx);
        records = kept;
        removed.push(...leaving);
      }
      if (bodies === "by-id") {
        const second = await withBodies(ctx, options.path, records, options.map);
        records = second.records;
        failures.push(...second.failures);
      }
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
              delta[options.type]!.deleted = await removeItems(tx, ctx.connectorId, removed);
            }
          : undefined,
      });
    },
  };
}

/**
 * Items that left (trashed, or outside the filters now) leave the store with their comments and
 * attachments; returns how many of the items themselves were stored.
 */
export async function removeItems(tx: Prisma.TransactionClient, connectorId: string, removed: string[]): Promise<number> {
  // By container, so replies (whose parent is a comment) go with their page too.
  await tx.$executeRaw`
    DELETE FROM content_items WHERE connector_id = ${connectorId} AND type IN ('footer_comment', 'inline_comment', 'attachment')
      AND container_id = ANY (${removed}::text[])`;
  const gone = await tx.contentItem.deleteMany({ where: { connectorId, confluenceId: { in: removed } } });
  // Their stored descendants' chains ran through them: emptied, they are asked again by
  // the ancestors step (and leave too if that puts them outside the Page IDs trees).
  if (gone.count > 0) {
    await tx.contentItem.updateMany({ where: { connectorId, ancestorIds: { hasSome: removed } }, data: { ancestorIds: [] } });
  }
  return gone.count;
}
