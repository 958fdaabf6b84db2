import type { PgBoss } from "pg-boss";

/**
 * Registers every job handler and returns the queue names it serves. The sync runner's
 * handlers arrive with it; until then the worker holds the queue connection and waits.
 */
export async function registerHandlers(_boss: PgBoss): Promise<string[]> {
  return [];
}
