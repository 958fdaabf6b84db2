import { db } from "../db";
import { commitPage, type ItemFailure } from "./commit-page";
import { nextStep } from "./advance";
import type { SyncStep } from "./step-context";

const BATCH = 16;
/** Files in memory at once stay under this (one larger file still goes alone). */
const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Downloads attachment files still missing, only for the containers whose attachment toggle
 * is on. A failed download is recorded and skipped for the rest of the run (retried next run).
 */
export const downloadStep: SyncStep = {
  name: "downloads",
  phase: "downloading_attachments",
  async runOnce(ctx) {
    const { pageAttachments, blogPostAttachments } = ctx.config.indexing;
    const parentTypes = [pageAttachments && "page", blogPostAttachments && "blogpost"].filter((t): t is string => !!t);
    const failedThisRun = await db().syncItemError.findMany({
      where: { runId: ctx.runId, itemType: "attachment" },
      select: { confluenceId: true },
    });
    const candidates = parentTypes.length
      ? await db().contentItem.findMany({
          where: {
            connectorId: ctx.connectorId,
            type: "attachment",
            status: "current",
            fileContent: null,
            parentType: { in: parentTypes },
            confluenceId: { notIn: failedThisRun.map((f) => f.confluenceId) },
          },
          select: { id: true, confluenceId: true, downloadPath: true, fileSize: true, title: true },
          take: BATCH,
        })
      : [];
    const pending: typeof candidates = [];
    let bytes = 0;
    for (const item of candidates) {
      if (pending.length > 0 && bytes + (item.fileSize ?? 0) > BATCH_BYTES) break;
      pending.push(item);
      bytes += item.fileSize ?? 0;
    }
    if (pending.length === 0) {
      await commitPage(ctx, { phase: "downloading_attachments", next: nextStep(ctx.checkpoint) });
      return;
    }
    const failures: ItemFailure[] = [];
    const files = await Promise.all(
      pending.map(async (item) => {
        try {
          if (!item.downloadPath) throw new Error("no download link");
          if ((item.fileSize ?? 0) > ctx.maxDownloadBytes) throw new Error(`larger than the ${ctx.maxDownloadBytes}-byte limit`);
          const response = await ctx.client.download(item.downloadPath);
          const bytes = new Uint8Array(await response.arrayBuffer());
          return { id: item.id, bytes };
        } catch (err) {
          failures.push({ itemType: "attachment", confluenceId: item.confluenceId, reason: `download failed: ${err instanceof Error ? err.message : String(err)}` });
          return null;
        }
      }),
    );
    const done = files.flatMap((f) => (f ? [f] : []));
    await commitPage(ctx, {
      phase: "downloading_attachments",
      failures,
      next: ctx.checkpoint,
      delta: { attachment: { downloaded: done.length } },
      extra: async (tx) => {
        for (const file of done) await tx.contentItem.update({ where: { id: file.id }, data: { fileContent: file.bytes, indexStatus: "pending", indexError: null } });
      },
    });
  },
};
