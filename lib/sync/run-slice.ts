import { randomUUID } from "node:crypto";
import {
  ConfluenceError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  SiteUnreachableError,
  UnauthorizedError,
  UpstreamUnavailableError,
} from "../confluence";
import { confluenceClientFor, parseStoredConfig, ReauthenticationRequiredError } from "../connectors";
import { db } from "../db";
import { logger } from "../logger";
import { parseCounters } from "./counters";
import { LeaseLostError } from "./commit-page";
import { isDatabaseUnavailable } from "../db-errors";
import { RunPausedError } from "./deletion-review";
import { finishRun } from "./finish-run";
import { runProblems } from "./run-outcome";
import { claimRun, releaseRun, startHeartbeat } from "./lease";
import { planDataCenterSteps } from "./dc/plan";
import { planSteps } from "./plan";
import { parseRequestStats } from "./request-stats";
import { resumeCheckpoint } from "./resume";
import type { StepContext, SyncStep } from "./step-context";
import { ConcurrentIndexer } from "./concurrent-indexer";
import PQueue from "p-queue";

export type SliceOutcome = "continue" | "retry_later" | "done" | "not_claimed";

export interface SliceOptions {
  /** Work this long, then hand the run back to the queue with its checkpoint (bounded jobs). */
  budgetMs?: number;
  maxDownloadBytes?: number;
  /** Transient failures in a row (site down, rate limit exhausted) before the run fails. */
  maxTransientFailures?: number;
  clientTuning?: Parameters<typeof confluenceClientFor>[1];
  /** The steps to run (default `planSteps`); a test swaps it to stand for a deploy that changed the plan. */
  plan?: (kind: "full" | "incremental", accessStrategy: "mirror" | "audience") => SyncStep[];
}

const TRANSIENT = [RateLimitedError, UpstreamUnavailableError, SiteUnreachableError];

/**
 * Runs one bounded slice of a sync run: claim it, walk its steps from the stored checkpoint,
 * and stop at the time budget. Every page of records commits with its checkpoint, so a
 * slice killed at any moment loses at most one page and repeats nothing.
 */
export async function runSyncSlice(runId: string, options: SliceOptions = {}): Promise<SliceOutcome> {
  const owner = randomUUID();
  const run = await claimRun(runId, owner);
  if (!run) return "not_claimed";
  const log = logger.child({ runId, connectorId: run.connectorId });
  const stopHeartbeat = startHeartbeat(runId, owner);
  const abort = new AbortController();
  let indexer: ConcurrentIndexer | null = null;
  try {
    const connector = await db().connector.findUniqueOrThrow({ where: { id: run.connectorId } });
    const config = parseStoredConfig(connector.config);
    if (!config) {
      await finishRun(runId, { status: "failed", error: "The connector has no saved Configure Records settings." });
      return "done";
    }
    if (connector.status !== "syncing" && connector.status !== "needs_reauth") {
      await db().connector.update({ where: { id: connector.id }, data: { status: "syncing" } });
    }
    const client = await confluenceClientFor(connector.id, { ...options.clientTuning, signal: abort.signal });
    // Read each slice: a strategy switched mid-run applies from the next slice (resume restarts a step the plan no longer has).
    const dataCenter = connector.deployment === "datacenter";
    const steps = (options.plan ?? (dataCenter ? planDataCenterSteps : planSteps))(run.kind, connector.accessStrategy === "audience" ? "audience" : "mirror");
    const stepNames = steps.map((s) => s.name);
    const ctx: StepContext = {
      runId,
      leaseOwner: owner,
      kind: run.kind,
      connectorId: connector.id,
      siteUrl: connector.siteUrl,
      site: dataCenter ? { deployment: "datacenter", version: connector.serverVersion, timeZone: connector.serverTimeZone } : { deployment: "cloud" },
      config,
      client,
      counters: parseCounters(run.counters),
      checkpoint: resumeCheckpoint(run.checkpoint, stepNames, run.kind),
      stepNames,
      requestBase: run.requestCount,
      requestStatsBase: parseRequestStats(run.requestStats),
      maxDownloadBytes: options.maxDownloadBytes ?? 50 * 1024 * 1024,
      commits: new PQueue({ concurrency: 1 }),
      sliceEndsAt: Date.now() + (options.budgetMs ?? 20_000),
    };
    indexer = new ConcurrentIndexer(ctx);
    const deadline = ctx.sliceEndsAt;
    // Every slice does at least one unit of work, so even a zero budget makes progress.
    for (let first = true; ctx.checkpoint.stepIndex < steps.length; first = false) {
      const state = await db().syncRun.findUniqueOrThrow({ where: { id: runId }, select: { cancelRequested: true } });
      if (state.cancelRequested) {
        await indexer.stop();
        await finishRun(runId, { status: "cancelled", error: "Cancelled by an administrator." });
        return "done";
      }
      if (!first && Date.now() > deadline) {
        await indexer.stop();
        await releaseRun(runId, owner);
        return "continue";
      }
      const step = steps[ctx.checkpoint.stepIndex]!;
      await indexer.follow(step);
      await step.runOnce(ctx);
    }
    await indexer.stop();
    const problems = runProblems(ctx.counters, ctx.checkpoint, run.kind);
    await finishRun(runId, problems.length ? { status: "completed_with_errors", error: problems.join("; ") } : { status: "completed" });
    log.info({ requests: ctx.requestBase + client.stats().requests, problems }, problems.length ? "sync run completed with errors" : "sync run completed");
    return "done";
  } catch (err) {
    // A step that threw may leave the indexer mid-batch: it ends before the lease is let go.
    await indexer?.stop().catch(() => {});
    return handleSliceError(runId, owner, err, options.maxTransientFailures ?? 5, log);
  } finally {
    stopHeartbeat();
    abort.abort();
  }
}

async function handleSliceError(runId: string, owner: string, err: unknown, maxTransient: number, log: typeof logger): Promise<SliceOutcome> {
  if (err instanceof LeaseLostError) {
    log.warn("another worker took over the run; this slice stops");
    return "not_claimed";
  }
  if (err instanceof RunPausedError) {
    log.info("the run waits for an administrator to confirm its deletions");
    return "done";
  }
  if (isDatabaseUnavailable(err)) {
    // Not the run's fault: the checkpoint holds, and a later slice (or the orphan sweep, once the
    // lease runs out) goes on from it. Releasing may fail too while the database is away.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, "the database was unavailable; the slice will be retried");
    await releaseRun(runId, owner).catch(() => {});
    return "retry_later";
  }
  const message = err instanceof Error ? err.message : String(err);
  if (TRANSIENT.some((type) => err instanceof type)) {
    const run = await db().syncRun.update({
      where: { id: runId },
      data: { transientFailures: { increment: 1 }, error: `Retrying after: ${message}`, leaseOwner: null },
    });
    if (run.transientFailures < maxTransient) {
      log.warn({ err: message, attempt: run.transientFailures }, "sync slice hit a transient failure; will retry");
      return "retry_later";
    }
    await finishRun(runId, { status: "failed", error: `Gave up after ${run.transientFailures} attempts: ${message}` });
    return "done";
  }
  if (err instanceof ReauthenticationRequiredError) {
    await finishRun(runId, { status: "failed", error: message, connectorStatus: "needs_reauth" });
    return "done";
  }
  if (err instanceof UnauthorizedError || err instanceof ForbiddenError) {
    // finishRun sets the connector to Needs re-authentication, with this as its message.
    await finishRun(runId, {
      status: "failed",
      error: `Confluence rejected the stored credentials (${message}): authenticate again.`,
      connectorStatus: "needs_reauth",
    });
    return "done";
  }
  log.error({ err }, "sync run failed");
  const detail = err instanceof NotFoundError || err instanceof ConfluenceError ? message : `Unexpected error: ${message}`;
  await finishRun(runId, { status: "failed", error: detail });
  return "done";
}
