import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { loadFeedRecords } from "./feed-records";
import { decodeCursor, encodeCursor, type FeedChange, type FeedPage, type FeedPosition, type FeedQuery } from "./schemas";
import { feedState, settleFeed } from "./settle";

interface EntryRow {
  connector_id: string;
  confluence_id: string;
  record_id: string;
  op: string;
  xid: string;
  seq: string;
  changed_at: Date;
}

const START_OVER = "Start over: call the feed without a cursor and rebuild your copy from what it sends.";

/** `a` before `b`, in feed order (xid8 and bigint are unsigned 64-bit: compared as BigInt). */
const before = (a: FeedPosition, b: FeedPosition) => BigInt(a.xid) < BigInt(b.xid) || (a.xid === b.xid && BigInt(a.seq) < BigInt(b.seq));

/** Where `cursor` points, or a 410 when it belongs to another store or is older than the pruned deletions. */
function startPosition(cursor: string | undefined, state: { epoch: string; horizon: FeedPosition }): FeedPosition {
  if (cursor === undefined) return { xid: "0", seq: "0" };
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.epoch !== state.epoch)
    throw new AppError("GONE", `This feed does not know that cursor (it is not one it gave out, or the store was reset). ${START_OVER}`);
  if (before(decoded.at, state.horizon))
    throw new AppError("GONE", `That cursor has expired: deletions older than the feed keeps were pruned since it was given out. ${START_OVER}`);
  return decoded.at;
}

/**
 * What changed after the cursor, in commit order, each record once at its latest change.
 * Only changes of transactions older than every transaction still running are returned, so a
 * change that commits after a later one is never skipped; it is simply returned a moment later.
 */
export async function readFeed(query: FeedQuery): Promise<FeedPage> {
  // Settling first: it prunes old deletions, and the cursor is then checked against the new horizon.
  await settleFeed();
  const state = await feedState();
  const { epoch } = state;
  const from = startPosition(query.cursor, state);
  const connector = query.connectorId ? Prisma.sql`AND f.connector_id = ${query.connectorId}` : Prisma.empty;
  const rows = await db().$queryRaw<EntryRow[]>`
    SELECT f.connector_id, f.confluence_id, f.record_id, f.op, f.xid::text AS xid, f.seq::text AS seq, f.changed_at
    FROM feed_entries f
    WHERE (f.xid, f.seq) > (${from.xid}::xid8, ${from.seq}::bigint)
      AND f.xid < pg_snapshot_xmin(pg_current_snapshot()) ${connector}
    ORDER BY f.xid, f.seq
    LIMIT ${query.limit}`;
  const records = await loadFeedRecords(rows.filter((r) => r.op === "upsert"));
  const changes = rows.map((row): FeedChange => {
    const key = `${row.connector_id}/${row.confluence_id}`;
    const changedAt = row.changed_at.toISOString();
    const record = row.op === "upsert" ? records.get(key) : undefined;
    if (record && record !== "nobody") return { op: "upsert", key, changedAt, record };
    return {
      op: "delete",
      key,
      changedAt,
      recordId: row.record_id,
      connectorId: row.connector_id,
      confluenceId: row.confluence_id,
      // An upsert whose record is gone was removed after this read began; its deletion follows.
      reason: record === "nobody" ? "visible_to_nobody" : "deleted",
    };
  });
  const last = rows.at(-1);
  return { changes, cursor: encodeCursor(epoch, last ? { xid: last.xid, seq: last.seq } : from), hasMore: rows.length === query.limit };
}
