import { z } from "zod";

/** Queue names and payloads: the contract between the web process and the worker. */

/** The PostgreSQL schema pg-boss keeps its tables in (read directly by /api/metrics). */
export const JOB_SCHEMA = "pgboss";

export const SYNC_QUEUE = "sync-run";
export const SCHEDULER_QUEUE = "sync-scheduler";

export const ZSyncJob = z.object({ runId: z.uuid() });
export type SyncJob = z.infer<typeof ZSyncJob>;

/** Indexing outside a sync run (Rebuild index, Manual indexing selections), one job per connector at a time. */
export const INDEX_QUEUE = "content-index";
export const ZIndexJob = z.object({ connectorId: z.string().min(1) });
export type IndexJob = z.infer<typeof ZIndexJob>;
