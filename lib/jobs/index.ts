export { startJobQueue, jobSender, stopJobSender, enqueueSyncSlice, enqueueIndexJob } from "./queue";
export { SYNC_QUEUE, SCHEDULER_QUEUE, INDEX_QUEUE, ZSyncJob, ZIndexJob, type SyncJob, type IndexJob } from "./queues";
