import { Gauge, type Registry } from "prom-client";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { reasonClassSql } from "./failure-reasons";
import { metricName } from "./names";

/**
 * What the store holds and how far the index is behind, from `content_items`. An item waits for
 * the index from `index_pending_since` (kept by a trigger); with Manual indexing only selected
 * items are waited for, the others stay pending on purpose.
 */
export async function collectContentMetrics(registry: Registry, connectorIds: string[]): Promise<void> {
  const waiting = Prisma.sql`i.index_status = 'pending'
    AND (i.index_selected OR (c.config->'indexing'->>'manualIndexing') IS DISTINCT FROM 'true')`;
  const [items, lag, problems] = await Promise.all([
    db().$queryRaw<{ connector_id: string; type: string; index_status: string; n: number }[]>`
      SELECT connector_id, type, index_status, count(*)::float8 AS n FROM content_items GROUP BY 1, 2, 3`,
    db().$queryRaw<{ connector_id: string; n: number; oldest_age: number | null }[]>`
      SELECT i.connector_id, count(*)::float8 AS n,
             EXTRACT(EPOCH FROM timezone('UTC', now()) - min(i.index_pending_since))::float8 AS oldest_age
        FROM content_items i JOIN connectors c ON c.id = i.connector_id
       WHERE ${waiting}
       GROUP BY 1`,
    db().$queryRaw<{ connector_id: string; type: string; index_status: string; reason: string; n: number }[]>`
      SELECT connector_id, type, index_status, ${reasonClassSql(Prisma.sql`index_error`)} AS reason, count(*)::float8 AS n
        FROM content_items
       WHERE index_status IN ('failed', 'skipped')
       GROUP BY 1, 2, 3, 4`,
  ]);

  const stored = new Gauge({
    name: metricName("content_items"),
    help: "Stored items by type (page, blogpost, folder, footer_comment, inline_comment, attachment) and index status (pending, indexed, failed, skipped).",
    labelNames: ["connector_id", "type", "index_status"],
    registers: [registry],
  });
  for (const row of items) stored.set({ connector_id: row.connector_id, type: row.type, index_status: row.index_status }, row.n);

  const pending = new Gauge({
    name: metricName("index_pending_items"),
    help: "Items waiting to be converted and indexed (with Manual indexing: selected items only).",
    labelNames: ["connector_id"],
    registers: [registry],
  });
  const oldest = new Gauge({
    name: metricName("index_oldest_pending_age_seconds"),
    help: "How long the item waiting longest for the index has waited; 0 when none waits.",
    labelNames: ["connector_id"],
    registers: [registry],
  });
  const lagOf = new Map(lag.map((row) => [row.connector_id, row]));
  for (const connector_id of connectorIds) {
    const row = lagOf.get(connector_id);
    pending.set({ connector_id }, row?.n ?? 0);
    oldest.set({ connector_id }, Math.max(0, row?.oldest_age ?? 0));
  }

  const failed = new Gauge({
    name: metricName("index_failed_items"),
    help: "Items whose conversion or text extraction failed, by type and reason class (the full reason is on the record and in the run's errors).",
    labelNames: ["connector_id", "type", "reason"],
    registers: [registry],
  });
  const skipped = new Gauge({
    name: metricName("index_skipped_items"),
    help: "Items not indexed by design (a toggle off, OCR off, an unsupported or too large file…), by type and reason class.",
    labelNames: ["connector_id", "type", "reason"],
    registers: [registry],
  });
  for (const row of problems) {
    const labels = { connector_id: row.connector_id, type: row.type, reason: row.reason };
    (row.index_status === "failed" ? failed : skipped).set(labels, row.n);
  }
}
