import { STATUS_LABELS, type RecordStatus } from "./labels";

const TONES: Record<RecordStatus, string> = {
  synced: "bg-slate-100 text-slate-700",
  indexed: "bg-emerald-100 text-emerald-800",
  failed: "bg-rose-100 text-rose-800",
  skipped: "bg-amber-100 text-amber-900",
};

/** Where a record stands: stored only ("Synced"), in the index, failed to index, or left out by the toggles. */
export function RecordStatusBadge({ status, title }: { status: RecordStatus; title?: string }) {
  return (
    <span title={title} className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
