"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/http/client";
import { Dialog } from "@/components/connectors/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { IndexStatus } from "./types";

const COUNTS = [
  ["indexed", "Indexed"],
  ["pending", "Pending"],
  ["failed", "Failed"],
  ["skipped", "Skipped"],
  ["chunks", "Chunks"],
] as const;

// Manual indexing leaves unselected records pending for good, so a rebuild stops being
// followed once the pending count has not moved for this long.
const STALL_MS = 30_000;

/**
 * How much of the connector's store is in the search index, and "Rebuild index" (after a
 * confirmation): every record is converted again from its stored body, then the counts are
 * followed every two seconds until nothing is pending.
 */
export function IndexPanel({ connectorId, live, runState }: { connectorId: string; live: boolean; runState: string }) {
  const [rebuilding, setRebuilding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const lastMove = useRef({ pending: -1, at: 0, since: 0 });
  const status = useQuery({
    queryKey: ["index-status", connectorId, runState],
    queryFn: () => callApi<IndexStatus>(`/api/connectors/${connectorId}/index-status`),
    refetchInterval: rebuilding ? 2000 : live ? 3000 : false,
    placeholderData: keepPreviousData,
  });
  const rebuild = useMutation({
    mutationFn: () => callApi<{ pending: number }>(`/api/connectors/${connectorId}/reindex`, { method: "POST" }),
    onSuccess: () => {
      setConfirming(false);
      lastMove.current = { pending: -1, at: Date.now(), since: Date.now() };
      setRebuilding(true);
      void status.refetch();
    },
  });

  const pending = status.data?.pending;
  useEffect(() => {
    // Counts read before the rebuild was accepted say nothing about it.
    if (!rebuilding || pending === undefined || status.dataUpdatedAt <= lastMove.current.since) return;
    const now = Date.now();
    if (pending !== lastMove.current.pending) lastMove.current = { ...lastMove.current, pending, at: now };
    if (pending === 0 || now - lastMove.current.at > STALL_MS) setRebuilding(false);
  }, [rebuilding, pending, status.dataUpdatedAt]);

  return (
    <section aria-labelledby="search-index" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="search-index" className="text-base font-semibold">
          Search index
        </h2>
        <Button variant="secondary" busy={rebuild.isPending || rebuilding} onClick={() => setConfirming(true)}>
          Rebuild index
        </Button>
      </div>
      {status.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading the index status…</p>
      ) : status.isError ? (
        <div className="mt-3">
          <Alert>Could not load the index status: {(status.error as Error).message}</Alert>
        </div>
      ) : (
        <dl className="mt-3 grid grid-cols-3 gap-3 text-sm sm:grid-cols-5">
          {COUNTS.map(([key, label]) => (
            <div key={key}>
              <dt className="text-xs uppercase text-slate-500">{label}</dt>
              <dd
                className={`text-lg font-semibold tabular-nums ${key === "failed" && status.data[key] > 0 ? "text-rose-700" : ""}`}
                aria-label={`Index ${label.toLowerCase()}`}
              >
                {status.data[key]}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {rebuilding ? (
        <p role="status" className="mt-3 text-sm text-slate-600">
          Rebuilding the index… {pending ?? "…"} record{pending === 1 ? "" : "s"} left.
        </p>
      ) : rebuild.isSuccess && pending === 0 ? (
        <div className="mt-3">
          <Alert tone="success">Index rebuilt: every record is converted again.</Alert>
        </div>
      ) : null}
      {rebuild.isError && !confirming ? (
        <div className="mt-3">
          <Alert>Could not rebuild the index: {(rebuild.error as Error).message}</Alert>
        </div>
      ) : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Rebuild the search index?">
        <div className="p-6">
          <h2 className="text-lg font-semibold">Rebuild the search index?</h2>
          <p className="mt-2 text-sm text-slate-600">
            Every record of this connector is converted again from its stored content and written to the index. Confluence is not called. Search results for
            this connector may be incomplete until it finishes.
          </p>
          {rebuild.isError ? (
            <div className="mt-4">
              <Alert>{(rebuild.error as Error).message}</Alert>
            </div>
          ) : null}
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button busy={rebuild.isPending} onClick={() => rebuild.mutate()}>
              Rebuild index
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
