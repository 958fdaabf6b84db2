import { PgBoss } from "pg-boss";
import { serverEnv } from "../env";
import { logger } from "../logger";

/** pg-boss on the app's own PostgreSQL, in its own schema: no other moving part. */
export async function startJobQueue(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: serverEnv().DATABASE_URL, schema: "pgboss" });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  return boss;
}
