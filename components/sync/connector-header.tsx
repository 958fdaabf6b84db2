import Link from "next/link";
import { kindLabel, signInLabel } from "@/components/connectors/connector-kind";
import { StatusBadge } from "@/components/connectors/status-badge";
import { when } from "./format-run";
import type { ConnectorView } from "./types";

/** Name, site, kind (with a Data Center server's version), status (a problem such as needs re-authentication stands out) and schedule. */
export function ConnectorHeader({ connector, actions }: { connector: ConnectorView; actions: React.ReactNode }) {
  const problem = connector.badge === "needs_reauth" || connector.badge === "error";
  return (
    <header className="space-y-3">
      <Link href="/connectors" className="text-sm text-blue-700 hover:underline">
        ← Connectors
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold">{connector.name}</h1>
            <span data-testid="connector-status">
              <StatusBadge badge={connector.badge} />
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-600">{connector.siteUrl}</p>
          <p className="mt-1 text-sm text-slate-600" data-testid="connector-kind">
            Confluence {kindLabel(connector)} · {signInLabel(connector)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Last sync: {when(connector.lastSyncAt)} · Next sync: {connector.config?.sync.strategy === "manual" ? "manual only" : when(connector.nextSyncAt)}
          </p>
        </div>
        {actions}
      </div>
      {connector.statusMessage ? (
        <div
          role={problem ? "alert" : "status"}
          className={`rounded-md border px-3 py-2 text-sm ${problem ? "border-amber-300 bg-amber-50 font-medium text-amber-900" : "border-slate-200 bg-slate-50 text-slate-700"}`}
        >
          {connector.badge === "needs_reauth" ? "Needs re-authentication: " : null}
          {connector.statusMessage}
        </div>
      ) : null}
    </header>
  );
}
