import { parseStoredConfig } from "../connectors";
import { db } from "../db";
import { serverEnv } from "../env";
import { AppError } from "../errors";
import { enqueueSyncSlice } from "../jobs";
import { initialCheckpoint } from "./checkpoint";
import { emptyCounters } from "./counters";
import { countersWithRecentSizes } from "./expected-counts";
import { finishRun, type SyncState } from "./finish-run";
import { toRunView, type RunView } from "./run-view";

/** Incremental runs re-read this much before the last run's start, so clock skew loses nothing. */
const OVERLAP_MS = 10 * 60_000;

export interface StartedSync {
  run: RunView;
  currentArtifactCount: number;
  integrationItemCount: number;
}

/**
 * Starts a sync of a connector: `full` (everything, with reconciliation), `incremental`
 * (changes since the last run) or `auto` (incremental unless a reconciliation is due).
 * At most one queued or running sync per connector (a partial unique index holds that).
 */
export async function requestSync(connectorId: string, options: { kind?: "full" | "incremental" | "auto"; trigger: string }): Promise<StartedSync> {
  const connector = await db().connector.findUnique({ where: { id: connectorId } });
  if (!connector) throw new AppError("NOT_FOUND", "No connector with that id.");
  if (!connector.enabled) throw new AppError("FORBIDDEN", "The connector is disabled; enable it to sync.");
  if (!parseStoredConfig(connector.config) || !connector.configuredAt) {
    throw new AppError("CONFLICT", "Configure Records for this connector before syncing.");
  }
  if (connector.status === "needs_reauth" || connector.status === "not_configured") {
    throw new AppError("CONFLICT", "Authenticate the connector again before syncing.");
  }
  const state = (connector.syncState ?? {}) as SyncState;
  // Reconcile every id (catching purges that leave no trace) at least every SYNC_RECONCILE_HOURS.
  const reconcileEveryMs = serverEnv().SYNC_RECONCILE_HOURS * 60 * 60_000;
  const reconcileDue = !state.lastFullRunAt || Date.now() - new Date(state.lastFullRunAt).getTime() > reconcileEveryMs;
  const kind = options.kind === "full" || options.kind === "incremental" ? options.kind : reconcileDue ? "full" : "incremental";
  const since =
    kind === "incremental" && state.lastCompletedRunStartedAt ? new Date(new Date(state.lastCompletedRunStartedAt).getTime() - OVERLAP_MS).toISOString() : null;
  if (kind === "incremental" && !since) throw new AppError("CONFLICT", "Run a full sync first; there is nothing to compare with yet.");

  let run;
  try {
    run = await db().syncRun.create({
      data: {
        connectorId,
        kind,
        trigger: options.trigger,
        counters: (kind === "incremental" ? await countersWithRecentSizes(connectorId) : emptyCounters()) as object,
        checkpoint: initialCheckpoint(since) as object,
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", "A sync of this connector is already queued, running or waiting for a decision.");
    throw err;
  }
  await enqueueSyncSlice(run.id);
  const [currentArtifactCount, integrationItemCount] = await Promise.all([
    db().contentItem.count({ where: { connectorId } }),
    db().contentItem.count({ where: { connectorId, type: { in: ["page", "blogpost"] } } }),
  ]);
  return { run: toRunView(run), currentArtifactCount, integrationItemCount };
}

/** Cancels a queued run at once, or asks a running one to stop after its current page. */
export async function cancelRun(connectorId: string, runId: string): Promise<RunView> {
  const run = await db().syncRun.findFirst({ where: { id: runId, connectorId } });
  if (!run) throw new AppError("NOT_FOUND", "No sync run with that id for this connector.");
  if (run.status === "awaiting_confirmation") {
    // Nobody is working on it: it ends now, deleting nothing.
    await finishRun(runId, { status: "cancelled", error: "Cancelled by an administrator before its deletions." });
    return toRunView(await db().syncRun.findUniqueOrThrow({ where: { id: runId } }));
  }
  if (run.status !== "queued" && run.status !== "running") {
    throw new AppError("CONFLICT", `The run has already ${run.status === "completed" || run.status === "completed_with_errors" ? "completed" : "ended"}.`);
  }
  const updated = await db().syncRun.update({ where: { id: runId }, data: { cancelRequested: true } });
  return toRunView(updated);
}
