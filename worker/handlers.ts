import type { PgBoss } from "pg-boss";
import { runIndexSlice } from "../lib/indexing";
import { enqueueIndexJob, enqueueSyncSlice, INDEX_QUEUE, SCHEDULER_QUEUE, SYNC_QUEUE, ZIndexJob, ZSyncJob } from "../lib/jobs";
import { serverEnv } from "../lib/env";
import { logger } from "../lib/logger";
import { requeueOrphanedRuns, runSyncSlice, startDueSyncs, startMembershipRefreshes } from "../lib/sync";

/** Concurrent slices per worker: many connectors in parallel, each run held by one slice at a time. */
const SLICES_PER_WORKER = 4;

/**
 * Registers the job handlers and returns the queue names served. Handlers are thin: parse
 * the payload, call lib/, re-enqueue with the run's checkpoint when the slice ran out of time.
 */
export async function registerHandlers(boss: PgBoss): Promise<string[]> {
  await boss.work(SYNC_QUEUE, { localConcurrency: SLICES_PER_WORKER }, async ([job]) => {
    const { runId } = ZSyncJob.parse(job!.data);
    const outcome = await runSyncSlice(runId);
    if (outcome === "continue") await enqueueSyncSlice(runId);
    if (outcome === "retry_later") await enqueueSyncSlice(runId, { startAfterSeconds: 15 });
  });

  await boss.work(INDEX_QUEUE, { localConcurrency: 1 }, async ([job]) => {
    const { connectorId } = ZIndexJob.parse(job!.data);
    if ((await runIndexSlice(connectorId)) === "continue") await enqueueIndexJob(connectorId);
  });

  // pg-boss cron makes the minute sweep happen once across all workers; the local timer
  // additionally lets a restarted worker pick up orphaned runs within seconds.
  await boss.schedule(SCHEDULER_QUEUE, "* * * * *", {}, { key: "scheduler" });
  await boss.work(SCHEDULER_QUEUE, async () => {
    await sweep();
  });
  void sweep();
  setInterval(() => void sweep(), serverEnv().SYNC_SWEEP_SECONDS * 1000).unref();
  return [SYNC_QUEUE, SCHEDULER_QUEUE, INDEX_QUEUE];
}

/** Due schedules, due membership refreshes and orphaned runs; also run at start so a restarted worker resumes at once. */
async function sweep(): Promise<void> {
  try {
    const [started, requeued] = await Promise.all([startDueSyncs(), requeueOrphanedRuns()]);
    // After the schedules, so a connector due for both gets one run.
    const memberships = await startMembershipRefreshes();
    if (started || requeued || memberships) logger.info({ started, requeued, memberships }, "scheduler sweep");
  } catch (err) {
    logger.error({ err }, "scheduler sweep failed");
  }
}
