import type { DateFilter } from "../connectors";
import { db } from "../db";
import type { ItemRecord } from "./map-items";
import { inPageTrees } from "./page-scope";
import type { StepContext } from "./step-context";

function inRange(value: Date | null, filter: DateFilter | null): boolean {
  if (!filter) return true;
  if (!value) return false;
  const day = value.toISOString().slice(0, 10);
  if ((filter.operator === "after" || filter.operator === "between") && filter.from && day <= filter.from) return false;
  if ((filter.operator === "before" || filter.operator === "between") && filter.to && day >= filter.to) return false;
  return true;
}

const passesDates = (r: ItemRecord, ctx: StepContext) => inRange(r.modifiedAt, ctx.config.filters.modified) && inRange(r.createdAt, ctx.config.filters.created);

/** Blog post ids the list can take as its `id` parameter (250 at most); more are filtered as read. */
export const MAX_ID_PARAM = 250;

/**
 * Whether a listing must leave bodies out and fetch them by id for the kept items only (two
 * passes): when page-level filters would otherwise drop bodies already transferred.
 */
export function pagesNeedTwoPasses(ctx: StepContext): boolean {
  const f = ctx.config.filters;
  return f.pageIds.length > 0 || f.modified !== null || f.created !== null;
}

export function blogPostsNeedTwoPasses(ctx: StepContext): boolean {
  const f = ctx.config.filters;
  return f.blogPostIds.length > MAX_ID_PARAM || f.modified !== null || f.created !== null;
}

/**
 * What the filters keep of a list page, and the ids they put outside: a stored one has left the
 * filters since (an edit moved it out of a date range, a move out of the chosen trees) and
 * leaves the store.
 */
export interface Kept {
  kept: ItemRecord[];
  leaving: string[];
}

/** Pages: the date filters, then the Page IDs filter with descendants (lib/sync/page-scope.ts). */
export async function keepPages(records: ItemRecord[], ctx: StepContext): Promise<Kept> {
  const inDates = records.filter((r) => passesDates(r, ctx));
  const { kept, outside } = await inPageTrees(inDates, records, ctx);
  return { kept, leaving: [...records.filter((r) => !passesDates(r, ctx)).map((r) => r.confluenceId), ...outside] };
}

export function keepBlogPosts(records: ItemRecord[], ctx: StepContext): Kept {
  const ids = new Set(ctx.config.filters.blogPostIds);
  const keep = (r: ItemRecord) => (ids.size === 0 || ids.has(r.confluenceId)) && passesDates(r, ctx);
  return { kept: records.filter(keep), leaving: records.filter((r) => !keep(r)).map((r) => r.confluenceId) };
}

/** Comments and attachments belong to synced pages and blog posts only. */
export async function keepChildrenOfSynced(records: ItemRecord[], ctx: StepContext): Promise<Kept> {
  const containerOf = (r: ItemRecord) => ((r.extra?.containerId as string | undefined) ?? r.parentId) || null;
  const containers = [...new Set(records.map(containerOf).filter((c): c is string => !!c))];
  if (containers.length === 0) return { kept: [], leaving: [] };
  const synced = await db().contentItem.findMany({
    where: { connectorId: ctx.connectorId, confluenceId: { in: containers }, type: { in: ["page", "blogpost"] } },
    select: { confluenceId: true, spaceConfluenceId: true },
  });
  const space = new Map(synced.map((s) => [s.confluenceId, s.spaceConfluenceId]));
  const kept = records.filter((r) => space.has(containerOf(r)!)).map((r) => ({ ...r, spaceConfluenceId: space.get(containerOf(r)!) ?? null }));
  // Children of containers not synced were never stored: nothing leaves.
  return { kept, leaving: [] };
}
