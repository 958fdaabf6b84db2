import type { SyncRun } from "../generated/prisma/client";
import { ITEM_TYPES, parseCounters, type ItemType, type RunCounters } from "./counters";
import { ZCheckpoint } from "./checkpoint";
import { planSteps } from "./plan";
import { typesNotReconciled } from "./reconcile-step";
import type { Phase } from "./step-context";

/** A sync run as the dashboard and the API show it. */
export interface QuotaView {
  limit: number | null;
  remaining: number | null;
  resetAt: string | null;
  nearLimit: boolean;
  /** Share of the window's quota already used, 0..1. */
  usedShare: number | null;
  /** When the quota, not the site, sets the pace: the run waits for the reset at `resetAt`. */
  limitsRun: boolean;
}

/** The quota reading stored on the run, and whether the work left needs more than what remains. */
function quotaOf(raw: unknown, requestsLeft: number | null): QuotaView | null {
  if (!raw || typeof raw !== "object") return null;
  const q = raw as { limit?: number; remaining?: number; resetAt?: string; nearLimit?: boolean };
  if (q.limit === undefined && q.remaining === undefined) return null;
  const limit = q.limit ?? null;
  const remaining = q.remaining ?? null;
  return {
    limit,
    remaining,
    resetAt: q.resetAt ?? null,
    nearLimit: Boolean(q.nearLimit),
    usedShare: limit && remaining !== null ? Math.min(1, Math.max(0, (limit - remaining) / limit)) : null,
    limitsRun: Boolean(q.nearLimit) || (remaining !== null && requestsLeft !== null && requestsLeft > remaining),
  };
}

export interface RunView {
  id: string;
  connectorId: string;
  kind: "full" | "incremental";
  trigger: string;
  status: "queued" | "running" | "completed" | "completed_with_errors" | "failed" | "cancelled" | "awaiting_confirmation";
  /** Awaiting confirmation: what reconciliation would delete, of what is stored. */
  pendingDeletion: { items: number; stored: number } | null;
  /** Full runs: types whose unseen records were kept because their listing was incomplete. */
  notReconciled: string[];
  phase: string | null;
  /** The phases this run goes through, in the order the engine runs them (for the progress bars). */
  phases: Phase[];
  counters: RunCounters;
  requestCount: number;
  /** Requests per minute over the run so far. */
  requestRate: number | null;
  /** Items fetched per second over the run so far. */
  itemRate: number | null;
  /** Seconds left, from the items expected or discovered and the rate so far; null when unknown. */
  etaSeconds: number | null;
  /** The OAuth points quota as Confluence last reported it; null for API-token traffic (exempt). */
  quota: QuotaView | null;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export function toRunView(run: SyncRun, now = Date.now()): RunView {
  const counters = parseCounters(run.counters);
  const parsed = ZCheckpoint.safeParse(run.checkpoint);
  const checkpoint = parsed.success ? parsed.data : null;
  const started = run.startedAt?.getTime() ?? null;
  const end = run.finishedAt?.getTime() ?? now;
  const elapsedMs = started ? Math.max(1, end - started) : null;
  // Labels are not items to fetch (they are set on pages and blog posts): their failures show in
  // their own row, and neither they nor the labels listed move the item rate or the ETA.
  const items = ITEM_TYPES.filter((t) => t !== "label" && t !== "permission");
  const doneOf = (type: ItemType) => counters[type].fetched + counters[type].unchanged + counters[type].failed;
  const totals = items.reduce((acc, t) => ({ discovered: acc.discovered + counters[t].discovered, done: acc.done + doneOf(t) }), { discovered: 0, done: 0 });
  const itemRate = elapsedMs ? (totals.done / elapsedMs) * 1000 : null;
  // Items still to come by the expected counts (full runs: the site's count of pages and blog
  // posts; incremental runs: what recent incremental runs listed); plus files to download.
  const contentLeft = items.reduce((sum, type) => sum + Math.max(0, counters[type].expected - doneOf(type)), 0);
  const downloadsLeft = Math.max(0, counters.attachment.discovered - counters.attachment.downloaded - counters.attachment.failed - counters.attachment.skipped);
  const left = Math.max(totals.discovered - totals.done, contentLeft) + downloadsLeft;
  const requestsPerItem = totals.done > 0 ? run.requestCount / totals.done : null;
  return {
    id: run.id,
    connectorId: run.connectorId,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    pendingDeletion: run.status === "awaiting_confirmation" ? (checkpoint?.deletion?.pending ?? null) : null,
    notReconciled: run.kind === "full" && checkpoint ? typesNotReconciled(checkpoint.incomplete) : [],
    phase: run.phase,
    phases: phasesOf(run.kind),
    counters,
    requestCount: run.requestCount,
    requestRate: elapsedMs ? (run.requestCount / elapsedMs) * 60_000 : null,
    itemRate,
    etaSeconds: run.status === "running" && itemRate && left > 0 ? Math.round(left / itemRate) : null,
    quota: quotaOf(run.rateLimit, requestsPerItem === null ? null : Math.ceil(left * requestsPerItem)),
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
