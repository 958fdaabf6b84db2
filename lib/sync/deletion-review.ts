import { db } from "../db";
import { serverEnv } from "../env";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { enqueueSyncSlice } from "../jobs";
import type { Checkpoint } from "./checkpoint";
import { toRunView, type RunView } from "./run-view";
import type { StepContext } from "./step-context";

/** The slice stops here: the run waits for an administrator's answer (not a failure). */
export class RunPausedError extends Error {
  constructor() {
    super("the run waits for an administrator to confirm its deletions");
  }
}

export interface PendingDeletion {
  items: number;
  stored: number;
}

/**
 * Whether reconciliation would remove more than the allowed share of what is stored, as when
 * Confluence answered a listing with far less than it holds. A guard against silent mass loss.
 */
export async function shouldAskBeforeDeleting(
  connectorId: string,
  staleItems: Prisma.ContentItemWhereInput,
  staleSpaces: Prisma.ConfluenceSpaceWhereInput | null,
): Promise<PendingDeletion | null> {
  const { SYNC_DELETE_CONFIRM_SHARE: share, SYNC_DELETE_CONFIRM_MIN: min } = serverEnv();
  const [items, spaces, stored, storedSpaces] = await Promise.all([
    db().contentItem.count({ where: staleItems }),
    staleSpaces ? db().confluenceSpace.count({ where: staleSpaces }) : 0,
    db().contentItem.count({ where: { connectorId } }),
    db().confluenceSpace.count({ where: { connectorId } }),
  ]);
  const tooMany = (gone: number, of: number) => gone >= Math.max(1, min) && gone > share * of;
  return tooMany(items, stored) || tooMany(spaces, storedSpaces) ? { items: items + spaces, stored: stored + storedSpaces } : null;
}

const waitingMessage = (p: PendingDeletion) =>
  `The last full sync would delete ${p.items} of ${p.stored} stored records; an administrator must confirm or keep them on the dashboard.`;

/** Stops the run before reconciliation, keeping its checkpoint, and says why on the connector. */
export async function pauseForDeletionReview(ctx: StepContext, pending: PendingDeletion): Promise<never> {
  const checkpoint: Checkpoint = { ...ctx.checkpoint, deletion: { pending, decision: null } };
  await db().$transaction([
    db().syncRun.update({
      where: { id: ctx.runId, leaseOwner: ctx.leaseOwner },
      data: { status: "awaiting_confirmation", leaseOwner: null, phase: "reconciling", checkpoint: checkpoint as object, counters: ctx.counters as object },
    }),
    db().connector.update({ where: { id: ctx.connectorId }, data: { statusMessage: waitingMessage(pending) } }),
  ]);
  throw new RunPausedError();
}

/** An administrator's answer: delete what Confluence no longer lists, or keep it; the run resumes. */
export async function decideDeletions(connectorId: string, runId: string, decision: "delete" | "keep"): Promise<RunView> {
  const run = await db().syncRun.findFirst({ where: { id: runId, connectorId } });
  if (!run) throw new AppError("NOT_FOUND", "No sync run with that id for this connector.");
  if (run.status !== "awaiting_confirmation") throw new AppError("CONFLICT", "This run is not waiting for a decision about deletions.");
  const checkpoint = run.checkpoint as Checkpoint;
  if (!checkpoint.deletion) throw new AppError("CONFLICT", "This run has no pending deletions.");
  const next: Checkpoint = { ...checkpoint, deletion: { ...checkpoint.deletion, decision } };
  const [updated] = await db().$transaction([
    db().syncRun.update({ where: { id: runId, status: "awaiting_confirmation" }, data: { status: "queued", checkpoint: next as object } }),
    db().connector.update({ where: { id: connectorId }, data: { statusMessage: null } }),
  ]);
  await enqueueSyncSlice(runId);
  return toRunView(updated);
}
