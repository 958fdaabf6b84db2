import type { RunView } from "./types";

const STATUS: Record<RunView["status"], { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-slate-100 text-slate-700" },
  running: { label: "Running", className: "bg-indigo-100 text-indigo-800" },
  completed: { label: "Completed", className: "bg-emerald-100 text-emerald-800" },
  completed_with_errors: { label: "Completed with errors", className: "bg-amber-100 text-amber-900" },
  awaiting_confirmation: { label: "Waiting for confirmation", className: "bg-violet-100 text-violet-800" },
  failed: { label: "Failed", className: "bg-rose-100 text-rose-800" },
  cancelled: { label: "Cancelled", className: "bg-amber-100 text-amber-900" },
};

export function RunStatusBadge({ status }: { status: RunView["status"] }) {
  const { label, className } = STATUS[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>{label}</span>;
}
