import { PgBoss } from "pg-boss";
import { serverEnv } from "../env";
import { logger } from "../logger";
import { queueErrorLogger } from "./queue-errors";
import { INDEX_QUEUE, JOB_SCHEMA, SCHEDULER_QUEUE, SYNC_QUEUE } from "./queues";

/**
 * pg-boss on the app's own PostgreSQL, in its own schema: no other moving part. The worker
 * runs maintenance; the web process only sends.
 */
export async function startJobQueue(options: { role: "worker" | "sender" } = { role: "worker" }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: serverEnv().DATABASE_URL,
    schema: JOB_SCHEMA,
    ...(options.role === "sender" ? { supervise: false, schedule: false } : {}),
  });
  boss.on(
    "error",
    queueErrorLogger((err) => logger.error({ err }, "job queue error")),
  );
  await boss.start();
  // A slice is idempotent (it claims its run), so a retry after a crash is always safe.
  await boss.createQueue(SYNC_QUEUE, { retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 });
  await boss.createQueue(SCHEDULER_QUEUE, { retryLimit: 0 });
  // "stately": per connector at most one queued and one active index job; a selection made
  // while one runs still gets its own pass.
  await boss.createQueue(INDEX_QUEUE, { policy: "stately", retryLimit: 5, retryDelay: 10, expireInSeconds: 300 });
  return boss;
}

const globalForQueue = globalThis as unknown as { jobSender?: Promise<PgBoss> };

/** The web process's sender, started on first use. */
export function jobSender(): Promise<PgBoss> {
  globalForQueue.jobSender ??= startJobQueue({ role: "sender" }).catch((err) => {
    globalForQueue.jobSender = undefined;
    throw err;
  });
  return globalForQueue.jobSender;
}

export async function stopJobSender(): Promise<void> {
  const sender = globalForQueue.jobSender;
  globalForQueue.jobSender = undefined;
  if (sender) await (await sender).stop({ graceful: false, close: true });
}

export async function enqueueSyncSlice(runId: string, options: { startAfterSeconds?: number } = {}): Promise<void> {
  const boss = await jobSender();
  await boss.send(SYNC_QUEUE, { runId }, options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {});
}

export async function enqueueIndexJob(connectorId: string, options: { startAfterSeconds?: number } = {}): Promise<void> {
  const boss = await jobSender();
  await boss.send(INDEX_QUEUE, { connectorId }, { singletonKey: connectorId, ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}) });
}
