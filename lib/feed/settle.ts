import { randomUUID } from "node:crypto";
import { db } from "../db";
import { serverEnv } from "../env";
import { Prisma } from "../generated/prisma/client";
import { decidingNodes } from "../permissions";
import { MOVE_TO_NOW, moveFeedRecords } from "./move";

/**
 * This store's epoch (created on first use, and again after the tables were emptied) and its
 * horizon, the newest position of a pruned deletion: a cursor before it may have missed one.
 * One statement: the row is inserted only when missing.
 */
export async function feedState(): Promise<{ epoch: string; horizon: { xid: string; seq: string } }> {
  const [row] = await db().$queryRaw<{ epoch: string; xid: string; seq: string }[]>`
    WITH created AS (
      INSERT INTO feed_state (id, epoch) VALUES (1, ${randomUUID()}) ON CONFLICT (id) DO NOTHING
      RETURNING epoch, horizon_xid, horizon_seq)
    SELECT epoch, horizon_xid::text AS xid, horizon_seq::text AS seq FROM created
    UNION ALL
    SELECT epoch, horizon_xid::text, horizon_seq::text FROM feed_state WHERE id = 1
    LIMIT 1`;
  return { epoch: row!.epoch, horizon: { xid: row!.xid, seq: row!.seq } };
}

/**
 * Brings the feed's positions up to date with permission changes, which the triggers cannot do
 * cheaply row by row: records decided by a node whose restriction changed, and records of a
 * space whose grants now differ from what the feed last published, move to a new position. Old
 * deletions are pruned past the retention, raising the horizon. One settler at a time; a reader
 * that finds another at work reads without waiting (it will see the moves on its next call).
 */
export async function settleFeed(): Promise<void> {
  await db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('feed_settle')) AS ok`;
      if (!lock?.ok) return;
      await tx.$executeRaw`
        WITH dirty AS (DELETE FROM feed_dirty_nodes RETURNING connector_id, node_id)
        UPDATE feed_entries f SET ${MOVE_TO_NOW}
        FROM content_items c
        WHERE f.connector_id = c.connector_id AND f.confluence_id = c.confluence_id AND f.op = 'upsert'
          AND c.connector_id IN (SELECT connector_id FROM dirty)
          AND EXISTS (SELECT 1 FROM dirty d WHERE d.connector_id = c.connector_id AND d.node_id = ANY (${decidingNodes(Prisma.raw("c"))}))`;
      const changed = await tx.$queryRaw<{ connector_id: string; space_id: string; digest: string | null }[]>`
        WITH now_granted AS (
          SELECT connector_id, space_id, md5(string_agg(principal_type || ':' || principal_id, ',' ORDER BY principal_type, principal_id)) AS digest
          FROM (SELECT DISTINCT connector_id, space_id, principal_type, principal_id FROM space_read_grants) g
          GROUP BY connector_id, space_id)
        SELECT COALESCE(n.connector_id, d.connector_id) AS connector_id, COALESCE(n.space_id, d.space_id) AS space_id, n.digest
        FROM now_granted n FULL JOIN feed_space_digests d ON d.connector_id = n.connector_id AND d.space_id = n.space_id
        WHERE n.digest IS DISTINCT FROM d.digest`;
      for (const space of changed) {
        if (space.digest === null)
          await tx.$executeRaw`DELETE FROM feed_space_digests WHERE connector_id = ${space.connector_id} AND space_id = ${space.space_id}`;
        else
          await tx.$executeRaw`
            INSERT INTO feed_space_digests (connector_id, space_id, digest) VALUES (${space.connector_id}, ${space.space_id}, ${space.digest})
            ON CONFLICT (connector_id, space_id) DO UPDATE SET digest = EXCLUDED.digest`;
        await moveFeedRecords(tx, space.connector_id, space.space_id);
      }
      await tx.$executeRaw`
        WITH pruned AS (
          DELETE FROM feed_entries WHERE op = 'delete' AND changed_at < now() - make_interval(days => ${serverEnv().FEED_RETENTION_DAYS})
          RETURNING xid, seq),
        newest AS (SELECT xid, seq FROM pruned ORDER BY xid DESC, seq DESC LIMIT 1)
        UPDATE feed_state s SET horizon_xid = newest.xid, horizon_seq = newest.seq
        FROM newest WHERE s.id = 1 AND (newest.xid, newest.seq) > (s.horizon_xid, s.horizon_seq)`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
