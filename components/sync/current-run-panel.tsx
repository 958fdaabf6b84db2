"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { duration, KIND_LABELS, rate } from "./format-run";
import { PhaseBars } from "./phase-bars";
import { DeletionReview } from "./deletion-review";
import { QuotaMeter } from "./quota-meter";
import { RunCountersTable } from "./run-counters-table";
import { RunErrorsList } from "./run-errors-list";
import { RunStatusBadge } from "./run-status-badge";
import { isActive, type RunDetail, type RunView } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

/**
 * The latest run, polled every second while it is queued or running. When it ends, the
 * connector, the run list and the stored counts are refetched once so the page agrees.
 */
export function CurrentRunPanel({ connectorId, latest }: { connectorId: string; latest: RunView }) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ["run", connectorId, latest.id],
    queryFn: () => callApi<RunDetail>(`/api/connectors/${connectorId}/runs/${latest.id}`),
    refetchInterval: (query) => (isActive(query.state.data?.run ?? latest) ? 1000 : false),
  });
  const run = detail.data?.run ?? latest;
  const finishedHere = !isActive(run) && isActive(latest);
  useEffect(() => {
    if (!finishedHere) return;
    for (const key of [
      ["runs", connectorId],
      ["connector", connectorId],
      ["stats", connectorId],
    ]) {
      void refreshQueries(queryClient, key);
    }
  }, [finishedHere, connectorId, queryClient]);

  return (
    <section aria-labelledby="current-run" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="current-run" className="text-base font-semibold">
          {isActive(run) ? "Current run" : "Latest run"}
        </h2>
        <span data-testid="current-run-status">
          <RunStatusBadge status={run.status} />
        </span>
        <span className="text-sm text-slate-600">
          {KIND_LABELS[run.kind]} sync · {run.trigger}
        </span>
        {run.cancelRequested && isActive(run) ? <span className="text-sm text-amber-800">Cancelling after the current page…</span> : null}
      </div>
      {detail.isError ? (
        <div className="mt-3">
          <Alert>Could not refresh this run: {(detail.error as Error).message}</Alert>
        </div>
      ) : null}
      {run.error ? (
        <p className={`mt-3 text-sm ${run.status === "completed_with_errors" ? "text-amber-800" : "text-rose-700"}`} data-testid="run-error">
          {run.error}
        </p>
      ) : null}
      {run.status === "awaiting_confirmation" ? <DeletionReview connectorId={connectorId} run={run} /> : null}
      <div className="mt-4">
        <PhaseBars run={run} />
      </div>
      <dl className="mt-5 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <Metric label="Requests made" value={String(run.requestCount)} />
        <Metric label="Request rate" value={rate(run.requestRate, "/min")} />
        <Metric label="Item rate" value={rate(run.itemRate, "/s")} />
        <Metric label="ETA" value={run.etaSeconds === null ? "—" : duration(run.etaSeconds * 1000)} />
        <Metric label="Duration" value={duration(run.durationMs ?? (run.startedAt ? Date.now() - Date.parse(run.startedAt) : null))} />
      </dl>
      {run.quota ? <QuotaMeter quota={run.quota} /> : null}
      <div className="mt-5 overflow-x-auto">
        <RunCountersTable run={run} />
      </div>
      <h3 className="mt-5 text-sm font-semibold">Items that failed</h3>
      <div className="mt-2">{detail.isPending ? <p className="text-sm text-slate-500">Loading…</p> : <RunErrorsList errors={detail.data?.errors ?? []} />}</div>
    </section>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="font-medium tabular-nums" aria-label={label}>
        {value}
      </dd>
    </div>
  );
}
