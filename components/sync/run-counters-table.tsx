import { ITEM_TYPES } from "@/lib/sync/counters";
import { ITEM_LABELS } from "./format-run";
import type { RunView } from "./types";

const COLUMNS = [
  ["discovered", "Discovered"],
  ["fetched", "Fetched"],
  ["unchanged", "Unchanged"],
  ["failed", "Failed"],
  ["deleted", "Deleted"],
  ["downloaded", "Downloaded"],
  ["skipped", "Skipped"],
  // The indexing stage (the last phase of every run).
  ["converted", "Converted"],
  ["indexed", "Indexed"],
  ["indexFailed", "Index failed"],
  ["indexSkipped", "Index skipped"],
] as const;

export function RunCountersTable({ run }: { run: RunView }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Counts by type">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-4">Type</th>
          {COLUMNS.map(([c, label]) => (
            <th key={c} className="py-1 pr-4 text-right">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ITEM_TYPES.map((type) => (
          <tr key={type} className="border-t border-slate-100" data-testid={`run-counts-${type}`}>
            <th scope="row" className="py-1 pr-4 font-normal">
              {ITEM_LABELS[type]}
            </th>
            {COLUMNS.map(([c]) => (
              <td key={c} data-column={c} className="py-1 pr-4 text-right tabular-nums">
                {run.counters[type][c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
