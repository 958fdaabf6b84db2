import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { enqueueSyncSlice } from "../jobs";
import { logger } from "../logger";
import { leaseSeconds } from "./lease";
import { requestSync } from "./start-sync";

/** Starts the scheduled syncs that are due: enabled, configured, Scheduled, next sync in the past. */
export async function startDueSyncs(now = new Date()): Promise<number> {
  const due = await db().connector.findMany({
    where: {
      enabled: true,
      configuredAt: { not: null },
      nextSyncAt: { lte: now },
      status: { in: ["active", "error", "authenticated"] },
      syncRuns: { none: { status: { in: ["queued", "running", "awaiting_confirmation"] } } },
    },
    select: { id: true },
  });
  let started = 0;
  for (const connector of due) {
    try {
      await requestSync(connector.id, { kind: "auto", trigger: "schedule" });
      started += 1;
    } catch (err) {
      logger.warn({ connectorId: connector.id, err: err instanceof Error ? err.message : err }, "scheduled sync not started");
    }
  }
  return started;
}

/**
 * Starts an incremental run for connectors whose group memberships are older than their
 * `permissions.membershipRefreshMinutes` (default 60): synced at least once, nothing running,
 * and no run started within that time. A manual connector gets these too: revoking access
 * should not wait for someone to press Sync. An incremental run costs what changed.
 */
export async function startMembershipRefreshes(now = new Date()): Promise<number> {
  const minutes = Prisma.sql`COALESCE((c.config->'permissions'->>'membershipRefreshMinutes')::int, 60)`;
  const due = await db().$queryRaw<{ id: string }[]>`
    SELECT c.id FROM connectors c
    WHERE c.enabled AND c.configured_at IS NOT NULL AND c.status IN ('active', 'error', 'authenticated') AND ${minutes} > 0
      -- Audience rules read no Confluence group, so there is nothing to refresh.
      AND c.access_strategy = 'mirror'
      AND EXISTS (SELECT 1 FROM sync_runs r WHERE r.connector_id = c.id AND r.status IN ('completed', 'completed_with_errors'))
      AND NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.connector_id = c.id
        AND (r.status IN ('queued', 'running', 'awaiting_confirmation') OR r.created_at > ${now}::timestamp - make_interval(mins => ${minutes})))`;
  let started = 0;
  for (const connector of due) {
    try {
      await requestSync(connector.id, { kind: "incremental", trigger: "memberships" });
      started += 1;
    } catch (err) {
      logger.warn({ connectorId: connector.id, err: err instanceof Error ? err.message : err }, "membership refresh not started");
    }
  }
  return started;
}

/**
 * Re-queues runs nobody is working on: queued ones whose job was lost, and running ones
 * whose worker went silent (killed). Claiming is safe to repeat, so a duplicate costs nothing.
 */
export async function requeueOrphanedRuns(): Promise<number> {
  const orphans = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM sync_runs
     WHERE (status = 'queued' AND created_at < now() - interval '30 seconds')
        OR (status = 'running' AND (lease_owner IS NULL OR heartbeat_at < now() - make_interval(secs => ${leaseSeconds()})))`;
  for (const run of orphans) await enqueueSyncSlice(run.id);
  return orphans.length;
}
