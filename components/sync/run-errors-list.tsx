import { ITEM_LABELS } from "./format-run";
import type { RunItemError } from "./types";

/** The items a run could not sync, with Confluence's id and the reason. */
export function RunErrorsList({ errors }: { errors: RunItemError[] }) {
  if (errors.length === 0) return <p className="text-sm text-slate-500">No item failed in this run.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Items that failed">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-4">Type</th>
          <th className="py-1 pr-4">Confluence id</th>
          <th className="py-1">Reason</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={`${e.confluenceId}-${i}`} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-4">{ITEM_LABELS[e.itemType] ?? e.itemType}</td>
            <td className="py-1 pr-4 font-mono text-xs">{e.confluenceId}</td>
            <td className="py-1 text-rose-700">{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
