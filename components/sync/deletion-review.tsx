"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import type { RunView } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

/**
 * A full run stopped before reconciliation because it would delete a large share of what is
 * stored (as when Confluence answered with far less than it holds). Nothing is deleted until an
 * administrator answers; Keep them finishes the run without deleting.
 */
export function DeletionReview({ connectorId, run }: { connectorId: string; run: RunView }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: "delete" | "keep") => callApi<{ run: RunView }>(`/api/connectors/${connectorId}/runs/${run.id}/deletions`, { body: { decision } }),
    onSuccess: ({ run: updated }) => {
      queryClient.setQueryData(["run", connectorId, run.id], (old: { run: RunView } | undefined) => (old ? { ...old, run: updated } : old));
      return refreshQueries(queryClient, ["runs", connectorId], ["connector", connectorId]);
    },
  });
  const pending = run.pendingDeletion;
  if (!pending) return null;
  const share = pending.stored > 0 ? Math.round((pending.items / pending.stored) * 100) : 100;
  return (
    <div role="region" aria-label="Confirm deletions" className="mt-4 rounded-md border border-violet-300 bg-violet-50 p-4 text-sm">
      <p className="font-medium text-violet-900">
        This run would delete {pending.items} of {pending.stored} stored records ({share}%) that Confluence no longer lists.
      </p>
      <p className="mt-1 text-violet-900">
        That is more than a sync normally removes, so nothing has been deleted yet. Check the site (a space removed, or access taken away from the
        connector&apos;s account), then choose.
      </p>
      <div className="mt-3 flex gap-2">
        <Button variant="danger" busy={decide.isPending && decide.variables === "delete"} onClick={() => decide.mutate("delete")}>
          Delete them
        </Button>
        <Button variant="secondary" busy={decide.isPending && decide.variables === "keep"} onClick={() => decide.mutate("keep")}>
          Keep them
        </Button>
      </div>
      {decide.isError ? (
        <p role="alert" className="mt-2 text-rose-700">
          {(decide.error as Error).message}
        </p>
      ) : null}
    </div>
  );
}
