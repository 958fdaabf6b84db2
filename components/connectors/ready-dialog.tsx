"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "./dialog";

/**
 * Shown after Configure Records is saved. "Start syncing now" joins "I'll do it later"
 * when the sync runner exists; until then there is no button that would do nothing.
 */
export function ReadyDialog({ open, connectorName, onLater }: { open: boolean; connectorName: string; onLater: () => void }) {
  return (
    <Dialog open={open} onClose={onLater} title="Instance is configured and ready to sync">
      <div className="p-6">
        <h2 className="text-lg font-semibold">Instance is configured and ready to sync</h2>
        <p className="mt-2 text-sm text-slate-600">{connectorName} is saved with its filters and indexing settings.</p>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={onLater}>
            I&apos;ll do it later
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
