"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { kindLabel, signInLabel } from "./connector-kind";
import { Dialog } from "./dialog";
import { StatusBadge } from "./status-badge";
import type { ConnectorView } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function ConnectorRow({ connector, onEdit }: { connector: ConnectorView; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => refreshQueries(queryClient, ["connectors"]);
  const toggle = useMutation({
    mutationFn: () => callApi(`/api/connectors/${connector.id}`, { method: "PATCH", body: { enabled: !connector.enabled } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => callApi(`/api/connectors/${connector.id}`, { method: "DELETE" }),
    onSuccess: () => {
      setConfirming(false);
      void refresh();
    },
  });

  return (
    <tr className="border-t border-slate-100" data-testid={`connector-${connector.name}`}>
      <td className="px-4 py-3 font-medium">
        <Link href={`/connectors/${connector.id}`} className="text-blue-800 hover:underline">
          {connector.name}
        </Link>
      </td>
      <td className="text-slate-600">{connector.siteUrl}</td>
      <td>
        <span className="block">{kindLabel(connector)}</span>
        <span className="block text-xs text-slate-500">{signInLabel(connector)}</span>
      </td>
      <td>
        <StatusBadge badge={connector.badge} />
        {connector.statusMessage ? <p className="mt-1 max-w-xs text-xs text-slate-500">{connector.statusMessage}</p> : null}
      </td>
      <td className="text-slate-600">{when(connector.lastSyncAt)}</td>
      <td className="text-slate-600">{when(connector.nextSyncAt)}</td>
      <td className="space-x-2 px-4 py-2 text-right">
        <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${connector.name}`}>
          Edit
        </Button>
        <Button
          variant="secondary"
          busy={toggle.isPending}
          onClick={() => toggle.mutate()}
          aria-label={`${connector.enabled ? "Disable" : "Enable"} ${connector.name}`}
        >
          {connector.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete ${connector.name}`}>
          Delete
        </Button>
        <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Delete ${connector.name}?`}>
          <div className="p-6 text-left">
            <h2 className="text-lg font-semibold">Delete {connector.name}?</h2>
            <p className="mt-2 text-sm text-slate-600">
              This removes the connector, its stored credentials and tokens, and every record synced from {connector.siteUrl}. Confluence itself is not changed.
            </p>
            {remove.isError ? <p className="mt-2 text-sm text-rose-600">{(remove.error as Error).message}</p> : null}
            <div className="mt-6 flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
                Delete connector
              </Button>
            </div>
          </div>
        </Dialog>
      </td>
    </tr>
  );
}
