"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConnectorRow } from "./connector-row";
import { SetupDrawer } from "./setup-drawer";
import type { ConnectorView, OAuthAppOption, SetupSettings } from "./types";

interface Props {
  initialConnectors: ConnectorView[];
  oauthApps: OAuthAppOption[];
  settings: SetupSettings;
}

export function ConnectorsScreen({ initialConnectors, oauthApps, settings }: Props) {
  const connectors = useQuery({
    queryKey: ["connectors"],
    queryFn: async () => (await callApi<{ connectors: ConnectorView[] }>("/api/connectors")).connectors,
    initialData: initialConnectors,
  });
  const [drawer, setDrawer] = useState<{ connectorId: string | null } | null>(null);

  return (
    <section>
      <div className="flex items-end justify-between">
        <div>
          <h1 className="text-xl font-semibold">Connectors</h1>
          <p className="mt-1 text-sm text-slate-600">Confluence Cloud and Data Center sites this install syncs.</p>
        </div>
        <Button onClick={() => setDrawer({ connectorId: null })}>+ Setup</Button>
      </div>
      <div className="mt-6">
        {connectors.isError ? <Alert>Could not load connectors: {(connectors.error as Error).message}</Alert> : null}
        {connectors.data.length === 0 ? (
          <EmptyState title="No connectors yet">
            Press <strong>+ Setup</strong> to connect a Confluence Cloud site (API token or OAuth 2.0) or a Data Center site (personal access token, or username
            and password).
          </EmptyState>
        ) : (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th>Site</th>
                <th>Kind · sign-in</th>
                <th>Status</th>
                <th>Last sync</th>
                <th>Next sync</th>
                <th className="px-4 text-right">Actions</th>
              </tr>
            </thead>
            <tbody>
              {connectors.data.map((connector) => (
                <ConnectorRow key={connector.id} connector={connector} onEdit={() => setDrawer({ connectorId: connector.id })} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {drawer ? (
        <SetupDrawer
          connectorId={drawer.connectorId}
          oauthApps={oauthApps}
          settings={settings}
          onClose={() => setDrawer(null)}
          onCreated={(id) => setDrawer({ connectorId: id })}
        />
      ) : null}
    </section>
  );
}
