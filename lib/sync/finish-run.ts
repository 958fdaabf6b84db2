import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { parseStoredConfig } from "../connectors";

export interface SyncState {
  lastCompletedRunStartedAt?: string;
  lastFullRunAt?: string;
}

/** Ends a run and sets the connector's status, last sync and next scheduled sync. */
export async function finishRun(
  runId: string,
  outcome: { status: "completed" | "failed" | "cancelled"; error?: string; connectorStatus?: "active" | "error" | "needs_reauth" },
): Promise<void> {
  const run = await db().syncRun.update({
    where: { id: runId },
    data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), leaseOwner: null, phase: outcome.status === "completed" ? "done" : undefined },
  });
  const connector = await db().connector.findUniqueOrThrow({ where: { id: run.connectorId } });
  const config = parseStoredConfig(connector.config);
  const state = (connector.syncState ?? {}) as SyncState;
  if (outcome.status === "completed") {
    state.lastCompletedRunStartedAt = run.startedAt?.toISOString();
    if (run.kind === "full") state.lastFullRunAt = run.startedAt?.toISOString();
  }
  const now = Date.now();
  await db().connector.update({
    where: { id: run.connectorId },
    data: {
      // Needs re-authentication is set where it is discovered and must not be overwritten here.
      status: connector.status === "needs_reauth" ? "needs_reauth" : (outcome.connectorStatus ?? (outcome.status === "failed" ? "error" : "active")),
      statusMessage: outcome.status === "failed" ? (outcome.error ?? "The last sync failed.") : connector.status === "needs_reauth" ? connector.statusMessage : null,
      lastSyncAt: new Date(now),
      nextSyncAt: config?.sync.strategy === "scheduled" ? new Date(now + config.sync.intervalMinutes * 60_000) : null,
      syncState: state as Prisma.InputJsonValue,
    },
  });
}
