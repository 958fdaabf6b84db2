"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "./dialog";

/** Shown after Configure Records is saved: start the first sync and watch it, or leave it for later. */
export function ReadyDialog({ open, connectorId, connectorName, onLater }: { open: boolean; connectorId: string; connectorName: string; onLater: () => void }) {
  const router = useRouter();
  const start = useMutation({
    mutationFn: () => callApi(`/api/connectors/${connectorId}/sync`, { body: { kind: "auto" } }),
    onSuccess: () => router.push(`/connectors/${connectorId}`),
  });
  return (
    <Dialog open={open} onClose={onLater} title="Instance is configured and ready to sync">
      <div className="p-6">
        <h2 className="text-lg font-semibold">Instance is configured and ready to sync</h2>
        <p className="mt-2 text-sm text-slate-600">{connectorName} is saved with its filters and indexing settings.</p>
        {start.isError ? (
          <div className="mt-4">
            <Alert>{(start.error as Error).message}</Alert>
          </div>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={onLater}>
            I&apos;ll do it later
          </Button>
          <Button busy={start.isPending || start.isSuccess} onClick={() => start.mutate()}>
            Start syncing now
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
