export { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
export { loadOrCreateLocalSecrets, type LocalSecrets } from "./local-secrets";
export { applyMigrations } from "./migrate";
export { findFreePort, isPortInUse } from "./ports";
export { prepareRuntime, StartupError, type Runtime } from "./prepare-runtime";
export { isBuildCurrent, recordBuild, sourceFingerprint } from "./build-fingerprint";
export { runToCompletion, startChild, stopChild, waitForHealthy, type Supervised } from "./processes";
export { Supervisor, restartDelayMs, DEFAULT_RESTART_POLICY, WORKER_NODE_FLAGS, WORKER_ENV, type RestartPolicy } from "./supervise";
