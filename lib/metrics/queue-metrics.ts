import { Gauge, type Registry } from "prom-client";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { INDEX_QUEUE, JOB_SCHEMA, SCHEDULER_QUEUE, SYNC_QUEUE } from "../jobs";
import { metricName } from "./names";

const QUEUES = [SYNC_QUEUE, SCHEDULER_QUEUE, INDEX_QUEUE];
// pg-boss's job states; completed, cancelled and failed jobs are kept until its retention ends.
const STATES = ["created", "retry", "active", "completed", "cancelled", "failed"];

/**
 * The job queue, read from pg-boss's own table: the worker and the web process share it, and
 * a query needs no pg-boss instance (the web process only sends). Before the worker's first start
 * the table does not exist yet, and the queue metrics are left out.
 */
export async function collectQueueMetrics(registry: Registry): Promise<void> {
  const table = Prisma.raw(`"${JOB_SCHEMA}"."job"`);
  const [{ present }] = await db().$queryRaw<{ present: boolean }[]>`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AS present`;
  if (!present) return;
  const rows = await db().$queryRaw<{ queue: string; state: string; n: number; oldest_ready: number | null }[]>`
    SELECT name AS queue, state::text AS state, count(*)::float8 AS n,
           EXTRACT(EPOCH FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()))::float8 AS oldest_ready
      FROM ${table}
     WHERE name = ANY(${QUEUES}::text[])
     GROUP BY 1, 2`;

  const jobs = new Gauge({
    name: metricName("queue_jobs"),
    help: "Jobs in the worker's queues (sync-run slices, the scheduler, content-index) by pg-boss state; created and retry jobs wait, active ones run.",
    labelNames: ["queue", "state"],
    registers: [registry],
  });
  const oldest = new Gauge({
    name: metricName("queue_oldest_ready_age_seconds"),
    help: "How long the job ready longest (created or retry, start time reached) has waited for a worker; 0 when none waits.",
    labelNames: ["queue"],
    registers: [registry],
  });
  // Ready jobs of a queue sit in two states (created and retry): the older of the two counts.
  const readyAge = new Map<string, number>();
  for (const queue of QUEUES) for (const state of STATES) jobs.set({ queue, state }, 0);
  for (const row of rows) {
    jobs.set({ queue: row.queue, state: row.state }, row.n);
    if (row.oldest_ready !== null) readyAge.set(row.queue, Math.max(readyAge.get(row.queue) ?? 0, row.oldest_ready));
  }
  for (const queue of QUEUES) oldest.set({ queue }, readyAge.get(queue) ?? 0);
}
