import { z } from "zod";
import { advance } from "./advance";
import { commitPage } from "./commit-page";
import { fetchOnePage } from "./fetch-one-page";
import type { SyncStep } from "./step-context";

const ZTrashed = z.object({ id: z.string(), version: z.object({ createdAt: z.string() }).nullish() });

/**
 * Incremental runs: items trashed since the last run (newest first) leave our store. Purges
 * that leave no trace are caught by the full reconciliation.
 */
export function trashedStep(type: "page" | "blogpost", path: string): SyncStep {
  return {
    name: `trashed_${type}s`,
    phase: "reconciling",
    async runOnce(ctx) {
      const cp = ctx.checkpoint;
      const page = await fetchOnePage(ctx.client, path, { status: "trashed", sort: "-modified-date", limit: 250 }, cp.cursor);
      const ids: string[] = [];
      let reachedOld = false;
      for (const raw of page.results) {
        const parsed = ZTrashed.safeParse(raw);
        if (!parsed.success) continue;
        const at = parsed.data.version?.createdAt;
        if (cp.since && at && new Date(at) < new Date(cp.since)) {
          reachedOld = true;
          break;
        }
        ids.push(parsed.data.id);
      }
      const delta = { [type]: { deleted: 0 } };
      await commitPage(ctx, {
        phase: "reconciling",
        next: advance(cp, { nextCursor: page.nextCursor, perSpace: false, stop: reachedOld }),
        delta,
        extra: async (tx) => {
          if (!ids.length) return;
          // Comments and attachments of a trashed page go with it.
          await tx.contentItem.deleteMany({
            where: { connectorId: ctx.connectorId, parentId: { in: ids }, type: { in: ["footer_comment", "inline_comment", "attachment"] } },
          });
          const removed = await tx.contentItem.deleteMany({ where: { connectorId: ctx.connectorId, confluenceId: { in: ids }, type } });
          delta[type]!.deleted = removed.count;
        },
      });
    },
  };
}
