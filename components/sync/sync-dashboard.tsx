"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConnectorHeader } from "./connector-header";
import { CurrentRunPanel } from "./current-run-panel";
import { IndexPanel } from "./index-panel";
import { RunHistory } from "./run-history";
import { PermissionsPanel } from "./permissions-panel";
import { StoredContentPanel } from "./stored-content-panel";
import { SyncActions } from "./sync-actions";
import { isActive, type ConnectorView, type RunView } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

/**
 * The sync dashboard of one connector. The latest run polls itself every second; the
 * connector and the run list poll slowly only while a run is live (to catch its end and
 * runs started elsewhere, such as the scheduler or the API).
 */
export function SyncDashboard({ initialConnector }: { initialConnector: ConnectorView }) {
  const id = initialConnector.id;
  const queryClient = useQueryClient();
  const runs = useQuery({
    queryKey: ["runs", id],
    queryFn: async () => (await callApi<{ runs: RunView[] }>(`/api/connectors/${id}/runs?limit=20`)).runs,
    refetchInterval: (query) => (isActive(query.state.data?.[0]) ? 3000 : 15_000),
  });
  const latest = runs.data?.[0] ?? null;
  const live = isActive(latest);
  const connector = useQuery({
    queryKey: ["connector", id],
    queryFn: async () => (await callApi<{ connector: ConnectorView }>(`/api/connectors/${id}`)).connector,
    initialData: initialConnector,
    refetchInterval: live ? 3000 : false,
  });

  // Whichever poll sees the latest run change state first, the header (status, last and next
  // sync) follows; without this it could keep showing "Syncing" after the run ended.
  const runState = latest ? `${latest.id}:${latest.status}` : "none";
  useEffect(() => {
    void refreshQueries(queryClient, ["connector", id]);
  }, [runState, id, queryClient]);

  return (
    <div className="space-y-6">
      <ConnectorHeader
        connector={connector.data}
        actions={<SyncActions connectorId={id} activeRun={live || latest?.status === "awaiting_confirmation" ? latest : null} />}
      />
      {connector.isError ? <Alert>Could not refresh the connector: {(connector.error as Error).message}</Alert> : null}
      {runs.isPending ? (
        <p className="text-sm text-slate-500">Loading sync runs…</p>
      ) : runs.isError ? (
        <Alert>
          Could not load the sync runs: {(runs.error as Error).message}{" "}
          <Button variant="secondary" onClick={() => runs.refetch()}>
            Retry
          </Button>
        </Alert>
      ) : latest === null ? (
        <EmptyState title="No syncs yet — press Sync now">
          The first sync reads every space, page, blog post, comment and attachment the filters allow. Its progress shows here.
        </EmptyState>
      ) : (
        <CurrentRunPanel key={latest.id} connectorId={id} latest={latest} />
      )}
      <StoredContentPanel connectorId={id} live={live} runState={runState} />
      <IndexPanel connectorId={id} live={live} runState={runState} />
      <PermissionsPanel connectorId={id} live={live} runState={runState} />
      {runs.data?.length ? <RunHistory runs={runs.data} /> : null}
    </div>
  );
}
