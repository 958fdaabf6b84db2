export { startJobQueue, jobSender, stopJobSender, enqueueSyncSlice, enqueueIndexJob } from "./queue";
export { JOB_SCHEMA, SYNC_QUEUE, SCHEDULER_QUEUE, INDEX_QUEUE, ZSyncJob, ZIndexJob, type SyncJob, type IndexJob } from "./queues";
