import { db } from "../db";
import { AppError } from "../errors";
import { enqueueIndexJob } from "../jobs";

/**
 * "Rebuild index": every stored item of the connector goes back to pending and is converted
 * again from its stored body or file, without calling Confluence (e.g. after a converter upgrade).
 */
export async function requestReindex(connectorId: string): Promise<{ pending: number }> {
  const connector = await db().connector.findUnique({ where: { id: connectorId }, select: { id: true, config: true } });
  if (!connector) throw new AppError("NOT_FOUND", "No connector with that id.");
  if (!connector.config) throw new AppError("CONFLICT", "Save Configure Records before rebuilding the index.");
  const { count } = await db().contentItem.updateMany({ where: { connectorId }, data: { indexStatus: "pending", indexError: null } });
  await enqueueIndexJob(connectorId);
  return { pending: count };
}

/**
 * Manual indexing: marks the chosen records as selected and pending, then queues indexing
 * for each connector involved. Unknown ids are reported, not ignored.
 */
export async function indexSelectedRecords(recordIds: string[]): Promise<{ queued: number }> {
  const found = await db().contentItem.findMany({ where: { id: { in: recordIds } }, select: { id: true, connectorId: true } });
  const stored = new Set(found.map((f) => f.id));
  const missing = recordIds.flatMap((id, index) =>
    stored.has(id) ? [] : [{ loc: ["body", "ids", index], msg: `No record with id ${id}.`, type: "not_found" }],
  );
  if (missing.length) throw AppError.validation(missing);
  await db().contentItem.updateMany({ where: { id: { in: recordIds } }, data: { indexSelected: true, indexStatus: "pending", indexError: null } });
  for (const connectorId of new Set(found.map((f) => f.connectorId))) await enqueueIndexJob(connectorId);
  return { queued: found.length };
}

export type IndexStatus = "pending" | "indexed" | "failed" | "skipped";

/** How much of a connector's store is in the index, for the dashboard. */
export async function indexOverview(connectorId: string): Promise<Record<IndexStatus, number> & { chunks: number }> {
  if (!(await db().connector.count({ where: { id: connectorId } }))) throw new AppError("NOT_FOUND", "No connector with that id.");
  const [groups, chunks] = await Promise.all([
    db().contentItem.groupBy({ by: ["indexStatus"], where: { connectorId }, _count: { _all: true } }),
    db().searchChunk.count({ where: { connectorId } }),
  ]);
  const counts = { pending: 0, indexed: 0, failed: 0, skipped: 0, chunks };
  for (const g of groups) if (g.indexStatus in counts) counts[g.indexStatus as IndexStatus] = g._count._all;
  return counts;
}
