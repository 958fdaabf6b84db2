"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MemberAccessSummary } from "@/lib/permissions/viewer";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type OAuthMessage = { type: "confluence-oauth"; ok: boolean; message: string; connectorId?: string };

/**
 * Settings → Your Confluence accounts: which account you search as on each connector, and Link my
 * Atlassian account, a consent in a popup that reads only who you are (works with a hidden email).
 */
export function MyAccountsPanel({ access }: { access: MemberAccessSummary }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  const connectors = [
    ...access.linked.map((l) => ({ id: l.connectorId, name: l.connectorName, state: `Linked to ${l.displayName ?? l.accountId}` })),
    ...access.deactivated.map((d) => ({ id: d.connectorId, name: d.connectorName, state: "Linked to a deactivated account: you see nothing" })),
    ...access.unlinked.map((u) => ({ id: u.connectorId, name: u.connectorName, state: "Not linked: you see what anonymous access may see" })),
  ].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    const listener = (event: MessageEvent<OAuthMessage>) => {
      if (event.origin !== window.location.origin || event.data?.type !== "confluence-oauth") return;
      setWaiting(null);
      setStatus({ ok: event.data.ok, text: event.data.message });
      router.refresh();
    };
    window.addEventListener("message", listener);
    return () => window.removeEventListener("message", listener);
  }, [router]);

  async function link(connectorId: string) {
    setStatus(null);
    // Opened inside the click, or popup blockers refuse it.
    const popup = window.open("about:blank", "confluence-oauth", "popup,width=620,height=760");
    if (!popup) return setStatus({ ok: false, text: "The browser blocked the Atlassian window. Allow popups for this site and try again." });
    setWaiting(connectorId);
    try {
      const { authorizeUrl } = await callApi<{ authorizeUrl: string }>(`/api/me/confluence-links/${connectorId}/authorize`, { method: "POST" });
      popup.location.href = authorizeUrl;
    } catch (err) {
      popup.close();
      setWaiting(null);
      setStatus({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Your Confluence accounts</h2>
      <p className="mt-1 text-sm text-slate-600">Search and All Records show you what your linked Confluence account may see.</p>
      {status ? (
        <div className="mt-3">
          <Alert tone={status.ok ? "success" : "error"}>{status.text}</Alert>
        </div>
      ) : null}
      {connectors.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">There are no connectors yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {connectors.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`my-link-${c.name}`}>
              <span>
                <span className="font-medium">{c.name}</span> <span className="text-slate-600">{c.state}</span>
              </span>
              <Button variant="secondary" busy={waiting === c.id} onClick={() => void link(c.id)}>
                Link my Atlassian account
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
