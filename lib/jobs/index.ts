export { startJobQueue, jobSender, stopJobSender, enqueueSyncSlice } from "./queue";
export { SYNC_QUEUE, SCHEDULER_QUEUE, ZSyncJob, type SyncJob } from "./queues";
