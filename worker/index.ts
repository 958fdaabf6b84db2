/**
 * The background worker: a separate process on the same PostgreSQL (pg-boss), so more
 * workers on more machines share the load. Job handlers register in worker/handlers.
 */
import { serverEnv, ConfigError } from "../lib/env";
import { logger } from "../lib/logger";
import { startJobQueue } from "../lib/jobs";
import { closeExtractors } from "../lib/indexing";
import { registerHandlers } from "./handlers";

async function main() {
  try {
    serverEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[worker] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const boss = await startJobQueue();
  const queues = await registerHandlers(boss);
  logger.info({ queues }, "worker ready");

  const stop = async () => {
    logger.info("worker stopping");
    await boss.stop({ graceful: true, timeout: 10_000 });
    await closeExtractors();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err) => {
  logger.error({ err }, "worker failed to start");
  process.exit(1);
});
