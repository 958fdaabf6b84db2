import type { SyncRun } from "../generated/prisma/client";
import { parseCounters, type RunCounters } from "./counters";
import { planSteps } from "./plan";
import type { Phase } from "./step-context";

/** A sync run as the dashboard and the API show it. */
export interface RunView {
  id: string;
  connectorId: string;
  kind: "full" | "incremental";
  trigger: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  phase: string | null;
  /** The phases this run goes through, in the order the engine runs them (for the progress bars). */
  phases: Phase[];
  counters: RunCounters;
  requestCount: number;
  /** Requests per minute over the run so far. */
  requestRate: number | null;
  /** Items fetched per second over the run so far. */
  itemRate: number | null;
  /** Seconds left, estimated from the items discovered and the rate so far; null when unknown. */
  etaSeconds: number | null;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export function toRunView(run: SyncRun, now = Date.now()): RunView {
  const counters = parseCounters(run.counters);
  const started = run.startedAt?.getTime() ?? null;
  const end = run.finishedAt?.getTime() ?? now;
  const elapsedMs = started ? Math.max(1, end - started) : null;
  const totals = Object.values(counters).reduce(
    (acc, c) => ({ discovered: acc.discovered + c.discovered, done: acc.done + c.fetched + c.unchanged + c.failed }),
    { discovered: 0, done: 0 },
  );
  const itemRate = elapsedMs ? (totals.done / elapsedMs) * 1000 : null;
  const left = totals.discovered - totals.done;
  return {
    id: run.id,
    connectorId: run.connectorId,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    phase: run.phase,
    phases: phasesOf(run.kind),
    counters,
    requestCount: run.requestCount,
    requestRate: elapsedMs ? (run.requestCount / elapsedMs) * 60_000 : null,
    itemRate,
    etaSeconds: run.status === "running" && itemRate && left > 0 ? Math.round(left / itemRate) : null,
    error: run.error,
    cancelRequested: run.cancelRequested,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: started && run.finishedAt ? run.finishedAt.getTime() - started : null,
  };
}

function phasesOf(kind: "full" | "incremental"): Phase[] {
  return [...new Set(planSteps(kind).map((step) => step.phase))];
}
