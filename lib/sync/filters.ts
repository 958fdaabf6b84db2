import type { DateFilter } from "../connectors";
import { db } from "../db";
import type { ItemRecord } from "./map-items";
import type { StepContext } from "./step-context";

function inRange(value: Date | null, filter: DateFilter | null): boolean {
  if (!filter) return true;
  if (!value) return false;
  const day = value.toISOString().slice(0, 10);
  if ((filter.operator === "after" || filter.operator === "between") && filter.from && day <= filter.from) return false;
  if ((filter.operator === "before" || filter.operator === "between") && filter.to && day >= filter.to) return false;
  return true;
}

const passesDates = (r: ItemRecord, ctx: StepContext) =>
  inRange(r.modifiedAt, ctx.config.filters.modified) && inRange(r.createdAt, ctx.config.filters.created);

/**
 * Pages: the date filters, and the Page IDs filter with descendants. A page is kept when its id
 * is listed or its parent was kept (pages list in creation order, so parents come first).
 */
export async function keepPages(records: ItemRecord[], ctx: StepContext): Promise<ItemRecord[]> {
  const roots = ctx.config.filters.pageIds;
  let kept = records;
  if (roots.length) {
    const parents = new Set(roots);
    const parentIds = [...new Set(records.map((r) => r.parentId).filter((p): p is string => !!p && !parents.has(p)))];
    if (parentIds.length) {
      const synced = await db().contentItem.findMany({
        where: { connectorId: ctx.connectorId, confluenceId: { in: parentIds }, lastSeenRunId: ctx.runId },
        select: { confluenceId: true },
      });
      synced.forEach((s) => parents.add(s.confluenceId));
    }
    kept = [];
    for (const r of records) {
      if (parents.has(r.confluenceId) || (r.parentId && parents.has(r.parentId))) {
        kept.push(r);
        parents.add(r.confluenceId);
      }
    }
  }
  return kept.filter((r) => passesDates(r, ctx));
}

export function keepBlogPosts(records: ItemRecord[], ctx: StepContext): ItemRecord[] {
  const ids = new Set(ctx.config.filters.blogPostIds);
  return records.filter((r) => (ids.size === 0 || ids.has(r.confluenceId)) && passesDates(r, ctx));
}

/** Comments and attachments belong to synced pages and blog posts only. */
export async function keepChildrenOfSynced(records: ItemRecord[], ctx: StepContext): Promise<ItemRecord[]> {
  const containerOf = (r: ItemRecord) => ((r.extra?.containerId as string | undefined) ?? r.parentId) || null;
  const containers = [...new Set(records.map(containerOf).filter((c): c is string => !!c))];
  if (containers.length === 0) return [];
  const synced = await db().contentItem.findMany({
    where: { connectorId: ctx.connectorId, confluenceId: { in: containers }, type: { in: ["page", "blogpost"] } },
    select: { confluenceId: true, spaceConfluenceId: true },
  });
  const space = new Map(synced.map((s) => [s.confluenceId, s.spaceConfluenceId]));
  return records
    .filter((r) => space.has(containerOf(r)!))
    .map((r) => ({ ...r, spaceConfluenceId: space.get(containerOf(r)!) ?? null }));
}
