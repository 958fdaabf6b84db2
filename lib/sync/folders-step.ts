import { advance, spaceBatch } from "./advance";
import { commitPage, type ItemFailure } from "./commit-page";
import { modifiedSinceClause, searchPage, spaceClause } from "./cql";
import { mapFolder, type ItemRecord } from "./map-items";
import type { SyncStep } from "./step-context";

const EXPAND = "content.space,content.version,content.history,content.ancestors";

/**
 * Folders, from a CQL search per batch of spaces: v2 serves folders only one by one (no list, and
 * no space on them), while one search page gives 250 folders with space, version and ancestors.
 * Incremental runs ask only for folders modified since the checkpoint (a move or rename makes a
 * new version). A trashed folder leaves no trace in search: it goes at the next full run.
 * With a Page IDs filter, folders are kept inside the chosen trees only (like their pages);
 * the date filters do not apply to folders, which hold no content of their own.
 */
export const foldersStep: SyncStep = {
  name: "folders",
  phase: "fetching_content",
  async runOnce(ctx) {
    const cp = ctx.checkpoint;
    const spaces = await spaceClause(ctx.connectorId, spaceBatch(cp));
    if (!spaces) {
      await commitPage(ctx, { phase: "fetching_content", next: advance(cp, { nextCursor: null, perSpace: true }) });
      return;
    }
    const since = ctx.kind === "incremental" && cp.since ? ` AND ${modifiedSinceClause(cp.since)}` : "";
    const page = await searchPage(ctx, `type = folder AND ${spaces}${since}`, EXPAND, cp.cursor);
    const failures: ItemFailure[] = [];
    const records: ItemRecord[] = [];
    for (const raw of page.results) {
      const mapped = mapFolder(raw, ctx.siteUrl);
      if (!mapped.ok) failures.push({ itemType: "folder", confluenceId: mapped.id, reason: mapped.reason });
      else if (inChosenTrees(mapped.value, ctx.config.filters.pageIds)) records.push(mapped.value);
    }
    await commitPage(ctx, {
      phase: "fetching_content",
      type: "folder",
      records,
      failures,
      next: advance(cp, { nextCursor: page.nextCursor, perSpace: true }),
      delta: { folder: { discovered: records.length } },
    });
  },
};

function inChosenTrees(folder: ItemRecord, roots: string[]): boolean {
  if (roots.length === 0) return true;
  return roots.includes(folder.confluenceId) || (folder.ancestorIds ?? []).some((id) => roots.includes(id));
}
