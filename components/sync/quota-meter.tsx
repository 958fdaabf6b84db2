import type { RunView } from "./types";

/**
 * Atlassian's points quota (OAuth traffic): how much of the window is used, and whether it,
 * not the site, now sets the pace of the run (the run then waits for the reset).
 */
export function QuotaMeter({ quota }: { quota: NonNullable<RunView["quota"]> }) {
  const used = quota.usedShare;
  const resetAt = quota.resetAt ? new Date(quota.resetAt).toLocaleTimeString() : null;
  return (
    <div className="mt-4 rounded-md border border-slate-200 p-3 text-sm" aria-label="Rate-limit quota">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">Confluence quota</span>
        <span className="tabular-nums text-slate-600">
          {quota.remaining !== null && quota.limit !== null ? `${quota.remaining} of ${quota.limit} points left` : "usage unknown"}
          {resetAt ? ` · resets at ${resetAt}` : ""}
        </span>
      </div>
      {used !== null ? (
        <div
          className="mt-2 h-2 rounded bg-slate-100"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(used * 100)}
          aria-label="Quota used"
        >
          <div className={`h-2 rounded ${used > 0.8 ? "bg-amber-500" : "bg-blue-600"}`} style={{ width: `${Math.round(used * 100)}%` }} />
        </div>
      ) : null}
      {quota.limitsRun ? (
        <p className="mt-2 text-amber-800">
          At this pace the quota runs out before the run ends: it slows down and waits for the reset{resetAt ? ` at ${resetAt}` : ""}.
        </p>
      ) : null}
    </div>
  );
}
