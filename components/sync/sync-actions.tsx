"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import type { RunView } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

/** Sync now (auto), Full resync and Cancel, each with its error (such as 409 "already running") beside the buttons. */
export function SyncActions({ connectorId, activeRun }: { connectorId: string; activeRun: RunView | null }) {
  const queryClient = useQueryClient();
  const refresh = () => refreshQueries(queryClient, ["runs", connectorId], ["connector", connectorId]);
  const start = useMutation({
    mutationFn: (kind: "auto" | "full") => callApi(`/api/connectors/${connectorId}/sync`, { body: { kind } }),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (runId: string) => callApi<{ run: RunView }>(`/api/connectors/${connectorId}/runs/${runId}/cancel`, { method: "POST" }),
    onSuccess: ({ run }) => {
      queryClient.setQueryData(["run", connectorId, run.id], (old: { run: RunView } | undefined) => (old ? { ...old, run } : old));
      return refresh();
    },
  });
  const error = [start, cancel].find((m) => m.isError)?.error as Error | undefined;

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          busy={start.isPending && start.variables === "auto"}
          onClick={() => {
            cancel.reset();
            start.mutate("auto");
          }}
        >
          Sync now
        </Button>
        <Button
          variant="secondary"
          busy={start.isPending && start.variables === "full"}
          onClick={() => {
            cancel.reset();
            start.mutate("full");
          }}
        >
          Full resync
        </Button>
        {activeRun ? (
          <Button
            variant="danger"
            busy={cancel.isPending}
            disabled={activeRun.cancelRequested}
            onClick={() => {
              start.reset();
              cancel.mutate(activeRun.id);
            }}
          >
            {activeRun.cancelRequested ? "Cancelling…" : "Cancel"}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="max-w-md text-right text-sm text-rose-600">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
