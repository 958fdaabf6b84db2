import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { db } from "../db";
import { metricName } from "./names";

const KINDS = ["full", "incremental"] as const;
const FINISHED = ["completed", "completed_with_errors", "failed", "cancelled"] as const;
const ACTIVE = ["queued", "running", "awaiting_confirmation"] as const;

/** Durations are of runs that completed within this window: enough runs to show a shape, bounded work per scrape. */
export const DURATION_WINDOW_DAYS = 7;
const DURATION_BUCKETS = [10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 86400];

/**
 * Sync runs from `sync_runs`, which the worker writes and every process can read: how many ended
 * in each outcome (a counter: ended runs are never rewritten), how many are under way, how long
 * completed runs took, and when each connector last completed one.
 */
export async function collectRunMetrics(registry: Registry, connectorIds: string[]): Promise<void> {
  const [byStatus, durations, lastCompleted] = await Promise.all([
    db().$queryRaw<{ connector_id: string; kind: string; status: string; n: number }[]>`
      SELECT connector_id, kind::text AS kind, status::text AS status, count(*)::float8 AS n
        FROM sync_runs GROUP BY 1, 2, 3`,
    db().$queryRaw<{ connector_id: string; kind: string; seconds: number }[]>`
      SELECT connector_id, kind::text AS kind, EXTRACT(EPOCH FROM finished_at - started_at)::float8 AS seconds
        FROM sync_runs
       WHERE status IN ('completed', 'completed_with_errors') AND started_at IS NOT NULL
         AND finished_at > now() - make_interval(days => ${DURATION_WINDOW_DAYS})`,
    db().$queryRaw<{ connector_id: string; at: number }[]>`
      SELECT connector_id, EXTRACT(EPOCH FROM max(finished_at))::float8 AS at
        FROM sync_runs WHERE status IN ('completed', 'completed_with_errors') GROUP BY 1`,
  ]);

  const ended = new Counter({
    name: metricName("sync_runs_total"),
    help: "Sync runs that ended, by outcome (completed, completed_with_errors, failed, cancelled) and kind.",
    labelNames: ["connector_id", "kind", "status"],
    registers: [registry],
  });
  const active = new Gauge({
    name: metricName("sync_runs_active"),
    help: "Sync runs not yet ended: queued, running, or awaiting an administrator's confirmation of deletions.",
    labelNames: ["connector_id", "kind", "status"],
    registers: [registry],
  });
  // Every connector gets every series, so a first failure is a step from 0 that rate() and alerts see.
  for (const connector_id of connectorIds) {
    for (const kind of KINDS) {
      for (const status of FINISHED) ended.inc({ connector_id, kind, status }, 0);
      for (const status of ACTIVE) active.set({ connector_id, kind, status }, 0);
    }
  }
  for (const row of byStatus) {
    const labels = { connector_id: row.connector_id, kind: row.kind, status: row.status };
    if ((FINISHED as readonly string[]).includes(row.status)) ended.inc(labels, row.n);
    else active.set(labels, row.n);
  }

  const duration = new Histogram({
    name: metricName("sync_run_duration_seconds"),
    help: `Duration of sync runs that completed (with or without errors) in the last ${DURATION_WINDOW_DAYS} days, from start to finish. A window, not a running total: read it with histogram_quantile() directly, not through rate().`,
    labelNames: ["connector_id", "kind"],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  for (const row of durations) duration.observe({ connector_id: row.connector_id, kind: row.kind }, Math.max(0, row.seconds));

  const last = new Gauge({
    name: metricName("last_completed_sync_timestamp_seconds"),
    help: "When the connector's latest completed sync run (with or without errors) finished, as a Unix time.",
    labelNames: ["connector_id"],
    registers: [registry],
  });
  for (const row of lastCompleted) last.set({ connector_id: row.connector_id }, row.at);
}
