import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { serverEnv } from "./env";
import { logger } from "./logger";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: serverEnv().DATABASE_URL }) });
}

/** The one Prisma client, created on first use so that builds and imports need no database. */
export function db(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}

/**
 * A plain `pg` pool on the same database, for what must not pass through Prisma: attachment
 * bytes (lib/files). Prisma's pg adapter turns a bytea into a JS number array, about 8 bytes of
 * heap per byte; `pg` gives Buffers, which live outside the heap (docs/decisions/011).
 */
export function pgPool(): pg.Pool {
  if (!globalForDb.pgPool) {
    // A download streams through four statements of its own (attempt marks, pieces) before the
    // commit that adopts it, eight files at a time: these skip the wait for the disk, which is
    // safe because nothing here counts until that commit, and a commit's flush makes every earlier
    // write durable with it (docs/decisions/017-read-windows.md).
    const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 8, options: "-c synchronous_commit=off" });
    // An idle connection that drops (a database restart) must not take the process down.
    pool.on("error", (err) => logger.warn({ err: err.message }, "an idle database connection failed"));
    globalForDb.pgPool = pool;
  }
  return globalForDb.pgPool;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.prisma?.$disconnect();
  globalForDb.prisma = undefined;
  await globalForDb.pgPool?.end();
  globalForDb.pgPool = undefined;
}

/** Round-trips a trivial query; used by /api/health and the start command. */
export async function pingDatabase(timeoutMs = 3000): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * For GET /api/health, which anyone may call: the database's state in two words. Why it is
 * unreachable (host names, addresses, user names) goes to the log only.
 */
export async function healthReport(): Promise<{ status: number; body: Record<string, string> }> {
  const database = await pingDatabase();
  if (database.ok) return { status: 200, body: { status: "ok", database: "reachable" } };
  logger.error({ reason: database.error }, "health check: the database did not answer");
  return { status: 503, body: { status: "error", database: "unreachable", message: "The database is not answering; the reason is in the server log." } };
}
