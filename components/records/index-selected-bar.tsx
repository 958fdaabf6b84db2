"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshQueries } from "@/components/refresh-queries";

/**
 * Manual indexing: index the records ticked in the table. The worker indexes them in the
 * background; `onQueued` lets the list follow them until they leave "Synced".
 */
export function IndexSelectedBar({ selected, onQueued }: { selected: string[]; onQueued: (ids: string[]) => void }) {
  const queryClient = useQueryClient();
  const index = useMutation({
    mutationFn: (ids: string[]) => callApi<{ queued: number }>("/api/records/index", { body: { ids } }),
    onSuccess: (_, ids) => {
      onQueued(ids);
      void refreshQueries(queryClient, ["records"]);
    },
  });
  const error = index.error instanceof ApiError ? (Object.values(index.error.fields)[0] ?? index.error.message) : index.error?.message;

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      <span className="text-slate-600">Manual indexing: tick records, then index them. {selected.length} selected.</span>
      <Button busy={index.isPending} disabled={selected.length === 0} onClick={() => index.mutate(selected)}>
        Index selected
      </Button>
      {index.isSuccess ? (
        <Alert tone="success">
          Queued {index.data.queued} record{index.data.queued === 1 ? "" : "s"} for indexing.
        </Alert>
      ) : null}
      {error ? <Alert>Could not index the selection: {error}</Alert> : null}
    </div>
  );
}
