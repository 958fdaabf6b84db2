import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { pgPool } from "../db";

/** Largest piece of a file in one row: small enough that a read never holds much at once. */
export const PIECE_BYTES = 1024 * 1024;
/** Pieces fetched per query when a file is read back. */
const READ_PIECES = 4;

/**
 * Writes a file from its download stream as a new piece set of the item, one 1 MiB row at a
 * time, with raw `pg` (Buffers are sent as binary parameters; nothing is read back). Only one
 * piece is held in memory, and the stream is not read further until it is written. The set is
 * not the item's file until `adoptFileSet` names it; on any failure what was written is removed
 * (a crash leaves it for the next adoption to remove).
 */
export async function writeFilePieces(contentItemId: string, body: ReadableStream<Uint8Array>): Promise<{ setId: string; bytes: number }> {
  const setId = randomUUID();
  const reader = body.getReader();
  let piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
  let filled = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (filled === 0) return;
    const data = piece.subarray(0, filled);
    // A fresh buffer per piece: the query may wait for a pooled connection while holding this one.
    piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
    filled = 0;
    await pgPool().query("INSERT INTO attachment_file_pieces (content_item_id, set_id, seq, data) VALUES ($1, $2, $3, $4)", [
      contentItemId,
      setId,
      seq++,
      data,
    ]);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let offset = 0; offset < value.byteLength;) {
        const n = Math.min(PIECE_BYTES - filled, value.byteLength - offset);
        piece.set(value.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        total += n;
        if (filled === PIECE_BYTES) await flush();
      }
    }
    await flush();
  } catch (err) {
    await reader.cancel(err).catch(() => undefined);
    await discardFileSet(contentItemId, setId).catch(() => undefined);
    throw err;
  }
  return { setId, bytes: total };
}

/** Removes one piece set (an attempt that did not finish). */
export async function discardFileSet(contentItemId: string, setId: string): Promise<void> {
  await pgPool().query("DELETE FROM attachment_file_pieces WHERE content_item_id = $1 AND set_id = $2", [contentItemId, setId]);
}

/**
 * Makes a written piece set the item's file, in the caller's transaction (the run's page
 * commit), and drops every other set of the item: the previous version's file and leftovers of
 * interrupted attempts. Returns false when the item is gone or its version changed meanwhile.
 */
export async function adoptFileSet(
  tx: Prisma.TransactionClient,
  file: { contentItemId: string; setId: string; bytes: number; version: number },
): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE content_items SET file_set_id = ${file.setId}, file_bytes = ${file.bytes}, file_status = NULL, file_reason = NULL,
           index_status = 'pending', index_error = NULL, updated_at = now()
    WHERE id = ${file.contentItemId} AND version = ${file.version}`;
  await tx.$executeRaw`
    DELETE FROM attachment_file_pieces
    WHERE content_item_id = ${file.contentItemId} AND set_id <> ${updated ? file.setId : ""}`;
  return updated > 0;
}

/**
 * Records that an item's file will not be stored (too large; crashed the worker twice), in
 * the caller's transaction, and drops its pieces. The record shows it once indexed.
 */
export async function refuseFile(tx: Prisma.TransactionClient, contentItemId: string, status: "skipped" | "failed", reason: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE content_items SET file_set_id = NULL, file_bytes = NULL, file_status = ${status}, file_reason = ${reason},
           index_status = 'pending', index_error = NULL, updated_at = now()
    WHERE id = ${contentItemId}`;
  await tx.$executeRaw`DELETE FROM attachment_file_pieces WHERE content_item_id = ${contentItemId}`;
}

/**
 * The stored file as one Buffer (outside the JS heap), filled a few pieces at a time, so the
 * only copy that grows with the file is the result. Null when the set is incomplete.
 */
export async function readStoredFile(file: { contentItemId: string; setId: string; bytes: number }): Promise<Buffer | null> {
  const out = Buffer.allocUnsafeSlow(file.bytes);
  let filled = 0;
  for (let seq = 0; filled < file.bytes; seq += READ_PIECES) {
    const { rows } = await pgPool().query<{ data: Buffer }>(
      "SELECT data FROM attachment_file_pieces WHERE content_item_id = $1 AND set_id = $2 AND seq >= $3 AND seq < $4 ORDER BY seq",
      [file.contentItemId, file.setId, seq, seq + READ_PIECES],
    );
    if (rows.length === 0) return null;
    for (const { data } of rows) {
      if (filled + data.byteLength > file.bytes) return null;
      data.copy(out, filled);
      filled += data.byteLength;
    }
  }
  return out;
}
