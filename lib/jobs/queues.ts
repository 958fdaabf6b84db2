import { z } from "zod";

/** Queue names and payloads: the contract between the web process and the worker. */
export const SYNC_QUEUE = "sync-run";
export const SCHEDULER_QUEUE = "sync-scheduler";

export const ZSyncJob = z.object({ runId: z.uuid() });
export type SyncJob = z.infer<typeof ZSyncJob>;
