import { duration, KIND_LABELS, when } from "./format-run";
import { RunStatusBadge } from "./run-status-badge";
import { HistoryChart } from "./history-chart";
import type { RunView } from "./types";

/** Recent runs: items per run as bars, then the runs as a table (newest first). */
export function RunHistory({ runs }: { runs: RunView[] }) {
  return (
    <section aria-labelledby="run-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="run-history" className="text-base font-semibold">
        History
      </h2>
      <HistoryChart runs={runs} />
      <table className="mt-4 w-full text-left text-sm" aria-label="Sync runs">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-4">Started</th>
            <th className="py-1 pr-4">Kind</th>
            <th className="py-1 pr-4">Trigger</th>
            <th className="py-1 pr-4">Duration</th>
            <th className="py-1 pr-4">Outcome</th>
            <th className="py-1">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-4">{when(run.startedAt ?? run.createdAt)}</td>
              <td className="py-1 pr-4">{KIND_LABELS[run.kind]}</td>
              <td className="py-1 pr-4">{run.trigger}</td>
              <td className="py-1 pr-4 tabular-nums">{duration(run.durationMs)}</td>
              <td className="py-1 pr-4">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="py-1 text-rose-700">{run.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
