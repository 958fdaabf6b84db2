export { requestSync, cancelRun, type StartedSync } from "./start-sync";
export { runSyncSlice, type SliceOutcome, type SliceOptions } from "./run-slice";
export { decideDeletions } from "./deletion-review";
export { listRuns, getRun, connectorContentStats } from "./read-runs";
export { startDueSyncs, startMembershipRefreshes, requeueOrphanedRuns } from "./schedule";
export { toRunView, type RunView } from "./run-view";
export { ITEM_TYPES, type ItemType, type RunCounters, type TypeCounters } from "./counters";
export type { RequestStats } from "./request-stats";
export { ZSyncStarted } from "./answers";
