import type { ConnectorView } from "@/lib/connectors/view";
import type { RunView } from "@/lib/sync";

export type { ConnectorView, RunView };

/** One item a run could not sync, as `GET /api/connectors/{id}/runs/{runId}` returns it. */
export interface RunItemError {
  itemType: string;
  confluenceId: string;
  reason: string;
  createdAt: string;
}

export interface RunDetail {
  run: RunView;
  errors: RunItemError[];
}

/** What `GET /api/connectors/{id}/stats` returns. */
export interface ContentStats {
  spaces: number;
  byType: Record<string, number>;
  bySpace: { spaceKey: string; name: string; counts: Record<string, number> }[];
}

/** What `GET /api/connectors/{id}/index-status` returns: records by index status, and the chunks in the index. */
export interface IndexStatus {
  pending: number;
  indexed: number;
  failed: number;
  skipped: number;
  chunks: number;
}

export const isActive = (run: Pick<RunView, "status"> | undefined | null) => run?.status === "queued" || run?.status === "running";
