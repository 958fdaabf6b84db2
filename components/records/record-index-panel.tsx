"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RecordDetail } from "@/lib/content/records";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { dateTime } from "./labels";
import { RecordStatusBadge } from "./record-status-badge";
import { refreshQueries } from "@/components/refresh-queries";

/** Where the record stands in the search index, any error, and (Manual indexing) "Index this record". */
export function RecordIndexPanel({ record, isAdmin }: { record: RecordDetail; isAdmin: boolean }) {
  const queryClient = useQueryClient();
  const index = useMutation({
    mutationFn: () => callApi<{ queued: number }>("/api/records/index", { body: { ids: [record.id] } }),
    onSuccess: () => refreshQueries(queryClient, ["record", record.id]),
  });
  const waiting = record.status === "synced" && record.selectedForIndexing;

  return (
    <section aria-labelledby="record-index" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="record-index" className="text-base font-semibold">
        Index
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs uppercase text-slate-500">Status</dt>
          <dd aria-label="Index status">
            <RecordStatusBadge status={record.status} />
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-500">Chunks</dt>
          <dd aria-label="Chunks" className="tabular-nums">
            {record.chunkCount}
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs uppercase text-slate-500">Indexed at</dt>
          <dd aria-label="Indexed at">{dateTime(record.indexedAt)}</dd>
        </div>
      </dl>
      {record.indexError ? (
        <p className="mt-3 text-sm text-rose-700" aria-label="Index error">
          {record.indexError}
        </p>
      ) : null}
      {/* Queueing is for administrators (the API refuses members too); members see only where it stands. */}
      {isAdmin && record.manualIndexing ? (
        <div className="mt-4 space-y-2">
          <p className="text-xs text-slate-500">This connector uses Manual indexing: only records you select are indexed.</p>
          <Button busy={index.isPending} disabled={waiting} onClick={() => index.mutate()}>
            {waiting ? "Waiting for the indexer…" : record.status === "indexed" ? "Index this record again" : "Index this record"}
          </Button>
          {index.isSuccess && waiting ? <Alert tone="success">Queued for indexing.</Alert> : null}
          {index.isError ? <Alert>Could not queue it: {(index.error as Error).message}</Alert> : null}
        </div>
      ) : null}
    </section>
  );
}
