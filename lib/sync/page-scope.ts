import { db } from "../db";
import { ancestorsBySearch } from "./cql";
import type { ItemRecord } from "./map-items";
import type { StepContext } from "./step-context";

/**
 * The Page IDs filter: a page is kept when it is listed or lies below a listed page, through pages
 * and folders. Most pages are decided from what the run knows: a listed root; a parent in the same
 * list page; a parent in the store, which holds only pages and folders inside the trees (full runs
 * trust only rows this run has seen, since a stored row may have moved out). The rest (typically
 * pages whose parent was excluded) cost one CQL search per list page, which returns their
 * ancestors; those ancestors are kept on the records, so the ancestors step need not ask again.
 * Pages known to be outside are returned too: a stored one has left the trees and leaves the store.
 *
 * `candidates` are the records to decide (those the date filters kept); `listed` is the whole
 * list page, whose parents help decide.
 */
export async function inPageTrees(candidates: ItemRecord[], listed: ItemRecord[], ctx: StepContext): Promise<{ kept: ItemRecord[]; outside: string[] }> {
  const roots = new Set(ctx.config.filters.pageIds);
  if (roots.size === 0 || candidates.length === 0) return { kept: candidates, outside: [] };
  const byId = new Map(listed.map((r) => [r.confluenceId, r]));
  const parentIds = [...new Set(listed.map((r) => r.parentId).filter((p): p is string => !!p && !byId.has(p)))];
  const stored = parentIds.length
    ? await db().contentItem.findMany({
        where: {
          connectorId: ctx.connectorId,
          confluenceId: { in: parentIds },
          type: { in: ["page", "folder"] },
          ...(ctx.kind === "full" ? { lastSeenRunId: ctx.runId } : {}),
        },
        select: { confluenceId: true },
      })
    : [];
  const storedInTrees = new Set(stored.map((s) => s.confluenceId));
  const known = new Map<string, boolean | null>();
  const decide = (r: ItemRecord, depth = 0): boolean | null => {
    if (known.has(r.confluenceId)) return known.get(r.confluenceId)!;
    let answer: boolean | null = null;
    if (roots.has(r.confluenceId)) answer = true;
    // A listing that carries the whole chain (Data Center, folders from search) decides at once.
    else if (r.ancestorIds) answer = r.ancestorIds.some((id) => roots.has(id));
    else if (!r.parentId) answer = false;
    else if (storedInTrees.has(r.parentId)) answer = true;
    else if (byId.has(r.parentId) && depth < 100) answer = decide(byId.get(r.parentId)!, depth + 1);
    known.set(r.confluenceId, answer);
    return answer;
  };
  const undecided = candidates.filter((r) => decide(r) === null).map((r) => r.confluenceId);
  const chains = undecided.length ? await ancestorsBySearch(ctx, "page", undecided) : new Map<string, string[]>();
  const kept: ItemRecord[] = [];
  const outside: string[] = [];
  for (const r of candidates) {
    const chain = chains.get(r.confluenceId);
    if (known.get(r.confluenceId) === true) kept.push(r);
    else if (chain?.some((id) => roots.has(id))) kept.push({ ...r, ancestorIds: chain });
    // Not found by the search (not indexed yet, or gone) is not kept, but not known to be outside.
    else if (known.get(r.confluenceId) === false || chain) outside.push(r.confluenceId);
  }
  return { kept, outside };
}
