import Link from "next/link";
import type { RecordRow } from "@/lib/content/records";
import { dateTime, typeLabel } from "./labels";
import { RecordStatusBadge } from "./record-status-badge";

export type SortColumn = "title" | "type" | "modified" | "status";
export type SortDir = "asc" | "desc";

/** The direction a column starts in when first clicked: newest first for dates, A–Z otherwise. */
export const FIRST_DIR: Record<SortColumn, SortDir> = { title: "asc", type: "asc", modified: "desc", status: "asc" };

interface Props {
  records: RecordRow[];
  sort: SortColumn;
  dir: SortDir;
  onSort: (column: SortColumn) => void;
  /** Rows of these connectors (Manual indexing) get a checkbox. */
  selectableConnectors: Set<string>;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  showConnector: boolean;
}

export function RecordsTable({ records, sort, dir, onSort, selectableConnectors, selected, onSelect, showConnector }: Props) {
  const selectable = records.filter((r) => selectableConnectors.has(r.connectorId));
  const withBoxes = selectable.length > 0;
  const allOn = withBoxes && selectable.every((r) => selected.has(r.id));
  const header = (column: SortColumn, label: string) => {
    const active = sort === column;
    return (
      <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2">
        <button type="button" onClick={() => onSort(column)} className="inline-flex items-center gap-1 uppercase hover:text-slate-800">
          {label}
          <span aria-hidden="true" className={active ? "text-slate-700" : "text-slate-300"}>
            {active && dir === "asc" ? "▲" : "▼"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm" aria-label="Records">
      <thead className="text-xs text-slate-500">
        <tr>
          {withBoxes ? (
            <th scope="col" className="w-8 px-3 py-2">
              <input
                type="checkbox"
                aria-label="Select all records on this page"
                checked={allOn}
                onChange={(e) =>
                  onSelect(
                    selectable.map((r) => r.id),
                    e.target.checked,
                  )
                }
              />
            </th>
          ) : null}
          {header("title", "Title")}
          {header("type", "Type")}
          <th scope="col" className="px-3 py-2 uppercase">
            Space
          </th>
          {showConnector ? (
            <th scope="col" className="px-3 py-2 uppercase">
              Connector
            </th>
          ) : null}
          {header("modified", "Modified")}
          {header("status", "Status")}
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="record-row">
            {withBoxes ? (
              <td className="px-3 py-2">
                {selectableConnectors.has(r.connectorId) ? (
                  <input type="checkbox" aria-label={`Select ${r.title}`} checked={selected.has(r.id)} onChange={(e) => onSelect([r.id], e.target.checked)} />
                ) : null}
              </td>
            ) : null}
            <td className="px-3 py-2">
              <Link href={`/records/${r.id}`} className="font-medium text-blue-800 hover:underline">
                {r.title || "(untitled)"}
              </Link>
              {r.status === "failed" && r.indexError ? (
                <p className="mt-0.5 max-w-md truncate text-xs text-rose-700" title={r.indexError}>
                  {r.indexError}
                </p>
              ) : null}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{typeLabel(r.type)}</td>
            <td className="px-3 py-2" title={r.space?.name}>
              {r.space ? <span className="font-mono text-xs">{r.space.key}</span> : "—"}
            </td>
            {showConnector ? <td className="px-3 py-2 text-slate-600">{r.connectorName}</td> : null}
            <td className="px-3 py-2 whitespace-nowrap text-slate-600">{dateTime(r.modifiedAt)}</td>
            <td className="px-3 py-2">
              <RecordStatusBadge status={r.status} title={r.indexError ?? undefined} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
