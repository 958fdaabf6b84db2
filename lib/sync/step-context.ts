import type PQueue from "p-queue";
import type { ConfluenceClient } from "../confluence";
import type { ConnectorConfig } from "../connectors";
import type { Checkpoint } from "./checkpoint";
import type { RunCounters } from "./counters";
import type { RequestStats } from "./request-stats";

export type Phase = "discovering_spaces" | "listing" | "fetching_content" | "downloading_attachments" | "reconciling" | "permissions" | "indexing";

/** Which kind of site the run walks; a Data Center run also knows the server's version and time zone. */
export type SiteKind = { deployment: "cloud" } | { deployment: "datacenter"; version: string | null; timeZone: string | null };

export interface StepContext {
  runId: string;
  /** The slice holding the run's lease; writes check it, so a slice that lost the lease stops. */
  leaseOwner: string;
  kind: "full" | "incremental";
  connectorId: string;
  siteUrl: string;
  site: SiteKind;
  config: ConnectorConfig;
  client: ConfluenceClient;
  counters: RunCounters;
  checkpoint: Checkpoint;
  /** The names of the run's steps in order; commits store the step by name (lib/sync/resume.ts). */
  stepNames: string[];
  /** Requests made by earlier slices of this run (each slice has a fresh client). */
  requestBase: number;
  /** Request stats stored by earlier slices; commits add this slice's client to them. */
  requestStatsBase: RequestStats;
  /** Attachment files larger than this are recorded as failed instead of downloaded. */
  maxDownloadBytes: number;
  /**
   * Commits of this slice, one at a time: the walk and the indexer running beside it
   * (lib/sync/concurrent-indexer.ts) each start from the counters the other last committed.
   */
  commits: PQueue;
  /** When this slice stops taking new units (ms since the epoch): work fetched ahead past it would be dropped. */
  sliceEndsAt: number;
}

/** One bounded unit of work: at most one list page (or one batch of downloads), then a commit. */
export interface SyncStep {
  name: string;
  phase: Phase;
  runOnce(ctx: StepContext): Promise<void>;
  /**
   * While this step runs, the indexer converts and indexes what is pending beside it:
   * "documents" once every input of a page's document (titles, tree, labels) is final, "all" once
   * attachment files are downloaded too. Steps that delete or rewrite records have none.
   */
  indexAlongside?: "documents" | "all";
}

/** The step, with the indexer allowed beside it (SyncStep.indexAlongside). */
export const alongsideIndexing = (mode: "documents" | "all", step: SyncStep): SyncStep => ({ ...step, indexAlongside: mode });
