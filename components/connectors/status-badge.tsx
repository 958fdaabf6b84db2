import type { ConnectorBadge } from "@/lib/connectors/view";

const BADGES: Record<ConnectorBadge, { label: string; className: string }> = {
  not_configured: { label: "Not configured", className: "bg-slate-100 text-slate-700" },
  authenticated: { label: "Authenticated", className: "bg-blue-100 text-blue-800" },
  needs_reauth: { label: "Needs re-authentication", className: "bg-amber-100 text-amber-900" },
  active: { label: "Active", className: "bg-emerald-100 text-emerald-800" },
  syncing: { label: "Syncing", className: "bg-indigo-100 text-indigo-800" },
  error: { label: "Error", className: "bg-rose-100 text-rose-800" },
  disabled: { label: "Disabled", className: "bg-slate-200 text-slate-600" },
};

export function StatusBadge({ badge }: { badge: ConnectorBadge }) {
  const { label, className } = BADGES[badge];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>{label}</span>;
}
