import { pgPool } from "../db";

/**
 * The poison-item marker. Before the risky work on a file (streaming it in, extracting its
 * text) its item's `file_attempts` goes up by one, committed at once; when the work ends, with
 * whatever outcome, it goes back to 0. A worker that dies on the file (out of memory, a native
 * crash, SIGKILL) never resets it, so the count is the number of times the file was in flight
 * when a worker died. At CRASH_LIMIT the file is not tried again until its next version.
 */
export const CRASH_LIMIT = 2;
export const CRASHED_TWICE_REASON = "the worker crashed twice while processing this file";

export interface FileAttempt {
  id: string;
  /** Unfinished attempts before this one: workers that died while this file was in flight. */
  crashes: number;
}

/** Counts an attempt on each item and says how many earlier attempts never finished. */
export async function beginFileAttempts(ids: string[]): Promise<FileAttempt[]> {
  if (ids.length === 0) return [];
  const { rows } = await pgPool().query<{ id: string; file_attempts: number }>(
    "UPDATE content_items SET file_attempts = file_attempts + 1 WHERE id = ANY($1::text[]) RETURNING id, file_attempts",
    [ids],
  );
  return rows.map((r) => ({ id: r.id, crashes: r.file_attempts - 1 }));
}

/** The work on these files ended (stored, refused or failed in an ordinary way). */
export async function endFileAttempts(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await pgPool().query("UPDATE content_items SET file_attempts = 0 WHERE id = ANY($1::text[]) AND file_attempts <> 0", [ids]);
}
