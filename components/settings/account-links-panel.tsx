"use client";

import { useEffect, useState } from "react";
import type { ConfluenceUserOption } from "@/lib/permissions/account-links";
import type { MemberAccessSummary } from "@/lib/permissions/viewer";
import { ApiError, callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface ConnectorLink {
  connectorId: string;
  connectorName: string;
  state: string;
  method: string | null;
}

function rowsOf(access: MemberAccessSummary): ConnectorLink[] {
  const rows: ConnectorLink[] = [
    ...access.linked.map((l) => ({
      connectorId: l.connectorId,
      connectorName: l.connectorName,
      state: `${l.displayName ?? l.accountId} (${l.method === "email" ? "matched by email" : "chosen by an administrator"})`,
      method: l.method,
    })),
    ...access.deactivated.map((d) => ({
      connectorId: d.connectorId,
      connectorName: d.connectorName,
      state: `${d.accountId} (deactivated: sees nothing)`,
      method: null,
    })),
    ...access.unlinked.map((u) => ({ connectorId: u.connectorId, connectorName: u.connectorName, state: "Not linked (anonymous access only)", method: null })),
  ];
  return rows.sort((a, b) => a.connectorName.localeCompare(b.connectorName));
}

/** Per connector: the account a person searches as, with a picker over that connector's synced users. */
export function AccountLinksPanel({ userId, initial }: { userId: string; initial: MemberAccessSummary }) {
  const [access, setAccess] = useState(initial);
  const [picking, setPicking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = rowsOf(access);

  async function change(connectorId: string, accountId: string | null) {
    setError(null);
    try {
      const path = `/api/users/${userId}/confluence-links/${connectorId}`;
      const res = await callApi<{ access: MemberAccessSummary }>(path, accountId ? { method: "PUT", body: { accountId } } : { method: "DELETE" });
      setAccess(res.access);
      setPicking(null);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : "Something went wrong. Try again.");
    }
  }

  if (rows.length === 0) return <p className="text-sm text-slate-600">There are no connectors yet.</p>;
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {rows.map((row) => (
          <li key={row.connectorId} className="space-y-2 px-4 py-3" data-testid={`link-${row.connectorName}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <div className="font-medium">{row.connectorName}</div>
                <div className="text-slate-600">{row.state}</div>
              </div>
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => setPicking(picking === row.connectorId ? null : row.connectorId)}>
                  Choose account
                </Button>
                {row.method && row.method !== "email" ? (
                  <Button variant="secondary" onClick={() => void change(row.connectorId, null)}>
                    Unlink
                  </Button>
                ) : null}
              </div>
            </div>
            {picking === row.connectorId ? <AccountPicker connectorId={row.connectorId} onPick={(accountId) => change(row.connectorId, accountId)} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AccountPicker({ connectorId, onPick }: { connectorId: string; onPick: (accountId: string) => Promise<void> }) {
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<ConfluenceUserOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      callApi<{ users: ConfluenceUserOption[] }>(`/api/connectors/${connectorId}/confluence-users?q=${encodeURIComponent(q)}`)
        .then((res) => live && (setOptions(res.users), setError(null)))
        .catch((err: unknown) => live && setError(err instanceof ApiError ? err.message : "The list could not be loaded. Try again."));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [connectorId, q]);

  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3">
      <label className="block text-xs font-medium text-slate-700">
        Search synced Confluence users
        <input
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, email or account id"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      {error ? <Alert>{error}</Alert> : null}
      {options === null && !error ? <p className="text-slate-500">Loading…</p> : null}
      {options?.length === 0 ? <p className="text-slate-500">No synced user matches. Users appear after a sync has read permissions.</p> : null}
      <ul className="space-y-1">
        {options?.map((o) => (
          <li key={o.accountId} className="flex items-center justify-between gap-2">
            <span>
              {o.displayName ?? "(no name)"} <span className="text-slate-500">{o.email ?? "email hidden"}</span>
              {o.accountStatus === "inactive" || o.accountStatus === "closed" ? <span className="ml-1 text-rose-700">deactivated</span> : null}
            </span>
            <Button variant="secondary" aria-label={`Link ${o.displayName ?? o.accountId}`} onClick={() => void onPick(o.accountId)}>
              Link
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
