import { ResponseTooLargeError } from "../confluence";
import { db } from "../db";
import { adoptFileSet, beginFileAttempts, CRASH_LIMIT, CRASHED_TWICE_REASON, endFileAttempts, refuseFile, writeFilePieces } from "../files";
import { commitPage, type ItemFailure } from "./commit-page";
import { commitInGroups } from "./commit-in-groups";
import { nextStep } from "./advance";
import type { ConnectorConfig } from "../connectors";
import type { StepContext, SyncStep } from "./step-context";

/** Files in flight at once. Each is streamed to the database a piece at a time, so memory stays flat. */
const IN_FLIGHT = 8;
/**
 * Files one call takes on. Downloads go on while earlier ones commit, a group of IN_FLIGHT at a
 * time: waiting for each group's commit between waves left the network idle most of the step.
 */
const WINDOW = 64;

type Candidate = { id: string; confluenceId: string; downloadPath: string | null; fileSize: number | null; version: number; fileAttempts: number };
type Outcome =
  | { kind: "stored"; item: Candidate; setId: string; bytes: number }
  | { kind: "refused"; item: Candidate; status: "skipped" | "failed"; reason: string }
  | { kind: "failed"; item: Candidate; reason: string };

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return n === 1 ? "1 byte" : `${n} bytes`;
}
const tooLarge = (ctx: StepContext, size: number | null) =>
  `Skipped: the file is ${size === null ? "larger than" : `${formatBytes(size)}, over`} the ${formatBytes(ctx.maxDownloadBytes)} download limit`;

/**
 * Downloads attachment files still missing, only for the containers whose attachment toggle is
 * on. Each file streams from the response into 1 MiB pieces in the database (lib/files) and
 * becomes the item's file in the page commit, with the run's counters. A file over the download
 * limit is skipped with its reason; a failed download is recorded and retried next run; a file
 * that was in flight twice when a worker died is marked failed and not tried again. Most files
 * are usually downloaded already, beside the restriction reads (lib/sync/permissions-restrictions.ts):
 * this step does the rest.
 */
export const downloadStep: SyncStep = {
  // Not "downloads": a checkpoint of that step came before reconciliation and permissions, and
  // resuming one here would skip them (an unknown step restarts the run instead).
  name: "remaining_downloads",
  phase: "downloading_attachments",
  async runOnce(ctx) {
    if ((await downloadWindow(ctx, "downloading_attachments")) === 0) {
      await commitPage(ctx, { phase: "downloading_attachments", next: nextStep(ctx.checkpoint) });
    }
  },
};

/** The container types whose attachments' files are downloaded (their toggles are on). */
function downloadParentTypes(config: ConnectorConfig): string[] {
  const { pageAttachments, blogPostAttachments } = config.indexing;
  return [pageAttachments && "page", blogPostAttachments && "blogpost"].filter((t): t is string => !!t);
}

/**
 * Downloads the next window of missing files, committing each group as it finishes (the store
 * says what is left, so no checkpoint is written). `phase` is the run's phase for the commits;
 * null beside another step leaves that step's phase alone. Returns how many files it took on
 * (0: none left).
 */
export async function downloadWindow(ctx: StepContext, phase: "downloading_attachments" | null): Promise<number> {
  const parentTypes = downloadParentTypes(ctx.config);
  if (parentTypes.length === 0) return 0;
  const failedThisRun = await db().syncItemError.findMany({
    where: { runId: ctx.runId, itemType: "attachment" },
    select: { confluenceId: true },
  });
  const candidates: Candidate[] = await db().contentItem.findMany({
    where: {
      connectorId: ctx.connectorId,
      type: "attachment",
      status: "current",
      fileSetId: null,
      fileStatus: null,
      parentType: { in: parentTypes },
      confluenceId: { notIn: failedThisRun.map((f) => f.confluenceId) },
    },
    select: { id: true, confluenceId: true, downloadPath: true, fileSize: true, version: true, fileAttempts: true },
    // Files that were in flight when a worker died go first, and alone (below).
    orderBy: [{ fileAttempts: "desc" }, { id: "asc" }],
    take: WINDOW,
  });
  if (candidates.length === 0) return 0;
  // A suspect goes alone, so a crash during its download blames it and no bystander.
  const batch = candidates[0]!.fileAttempts > 0 ? [candidates[0]!] : candidates.filter((c) => c.fileAttempts === 0);
  await commitInGroups(batch, {
    concurrency: IN_FLIGHT,
    groupSize: IN_FLIGHT,
    work: (item) => downloadOne(ctx, item),
    commit: (group) => commitOutcomes(ctx, group, phase),
  });
  return batch.length;
}

/** One group of outcomes, committed with the run's counters (the checkpoint stays: the store says what is left). */
async function commitOutcomes(ctx: StepContext, outcomes: Outcome[], phase: "downloading_attachments" | null): Promise<void> {
  const failures: ItemFailure[] = outcomes.flatMap((o) =>
    o.kind === "failed" || (o.kind === "refused" && o.status === "failed")
      ? [{ itemType: "attachment" as const, confluenceId: o.item.confluenceId, reason: o.reason }]
      : [],
  );
  const skipped = outcomes.flatMap((o) => (o.kind === "refused" && o.status === "skipped" ? [o] : []));
  const delta = { attachment: { downloaded: 0, skipped: skipped.length } };
  await commitPage(ctx, {
    ...(phase ? { phase } : {}),
    failures,
    delta,
    extra: async (tx) => {
      for (const o of outcomes) {
        if (o.kind === "stored") {
          if (await adoptFileSet(tx, { contentItemId: o.item.id, setId: o.setId, bytes: o.bytes, version: o.item.version })) delta.attachment.downloaded += 1;
        } else if (o.kind === "refused") {
          await refuseFile(tx, o.item.id, o.status, o.reason);
        }
      }
      // Skips are listed with the run's failures (with their reason) but counted apart.
      if (skipped.length) {
        await tx.syncItemError.createMany({
          data: skipped.map((o) => ({ runId: ctx.runId, itemType: "attachment", confluenceId: o.item.confluenceId, reason: o.reason })),
        });
      }
    },
  });
}

/** One file: skipped when known to be over the limit, refused after it was in flight at two crashes, else streamed to the store. */
async function downloadOne(ctx: StepContext, item: Candidate): Promise<Outcome> {
  if (item.fileSize !== null && item.fileSize > ctx.maxDownloadBytes) return { kind: "refused", item, status: "skipped", reason: tooLarge(ctx, item.fileSize) };
  // Marked when it starts and cleared when it ends, so a crash blames only the files in flight.
  const [attempt] = await beginFileAttempts([item.id]);
  try {
    if ((attempt?.crashes ?? 0) >= CRASH_LIMIT) return { kind: "refused", item, status: "failed", reason: CRASHED_TWICE_REASON };
    if (!item.downloadPath) throw new Error("no download link");
    const response = await ctx.client.download(item.downloadPath, { maxBytes: ctx.maxDownloadBytes });
    if (!response.body) throw new Error("the response had no body");
    return { kind: "stored", item, ...(await writeFilePieces(item.id, response.body)) };
  } catch (err) {
    if (err instanceof ResponseTooLargeError) return { kind: "refused", item, status: "skipped", reason: tooLarge(ctx, null) };
    return { kind: "failed", item, reason: `download failed: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    // The risky part is over, whatever its outcome: this file did not take the worker down.
    await endFileAttempts([item.id]);
  }
}
