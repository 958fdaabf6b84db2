import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { parseStoredConfig } from "../connectors";

export interface SyncState {
  lastCompletedRunStartedAt?: string;
  lastFullRunAt?: string;
}

export type RunEnd = "completed" | "completed_with_errors" | "failed" | "cancelled";

/**
 * Ends a run and sets the connector's status, last sync and next scheduled sync, in one
 * transaction: a database blip between two writes once left a connector "syncing" for good.
 * `error` is the failure, or for Completed with errors the summary of what went wrong.
 */
export async function finishRun(
  runId: string,
  outcome: { status: RunEnd; error?: string; connectorStatus?: "active" | "error" | "needs_reauth" },
): Promise<void> {
  const finished = outcome.status === "completed" || outcome.status === "completed_with_errors";
  await db().$transaction(async (tx) => {
    const run = await tx.syncRun.update({
      where: { id: runId },
      data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), leaseOwner: null, phase: finished ? "done" : undefined },
      select: { connectorId: true, startedAt: true, kind: true },
    });
    const connector = await tx.connector.findUniqueOrThrow({
      where: { id: run.connectorId },
      select: { config: true, status: true, statusMessage: true, syncState: true },
    });
    const config = parseStoredConfig(connector.config);
    const state = (connector.syncState ?? {}) as SyncState;
    // Failed items were recorded and are retried by the next full run; what was fetched counts.
    if (finished) {
      state.lastCompletedRunStartedAt = run.startedAt?.toISOString();
      if (run.kind === "full") state.lastFullRunAt = run.startedAt?.toISOString();
    }
    const now = Date.now();
    // Needs re-authentication is set where it is discovered and must not be overwritten here.
    const reauth = connector.status === "needs_reauth";
    const message =
      outcome.status === "failed"
        ? (outcome.error ?? "The last sync failed.")
        : outcome.status === "completed_with_errors"
          ? `The last sync completed with errors: ${outcome.error ?? "see the dashboard"}.`
          : null;
    await tx.connector.update({
      where: { id: run.connectorId },
      data: {
        status: reauth ? "needs_reauth" : (outcome.connectorStatus ?? (outcome.status === "failed" ? "error" : "active")),
        statusMessage: outcome.status !== "failed" && reauth ? connector.statusMessage : message,
        lastSyncAt: new Date(now),
        nextSyncAt: config?.sync.strategy === "scheduled" ? new Date(now + config.sync.intervalMinutes * 60_000) : null,
        syncState: state as Prisma.InputJsonValue,
      },
    });
  });
}
