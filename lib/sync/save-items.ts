import { gzipSync } from "node:zlib";
import type { Prisma } from "../generated/prisma/client";
import type { ItemRecord } from "./map-items";

type Tx = Prisma.TransactionClient;

/**
 * Saves a page of items once per (connector, Confluence id). An item whose version, status
 * and parent are unchanged is only marked as seen (no body rewrite); the rest are upserted
 * with the storage body gzip-compressed.
 */
export async function saveItems(
  tx: Tx,
  connectorId: string,
  runId: string,
  records: ItemRecord[],
): Promise<{ fetched: number; unchanged: number; changedIds: string[] }> {
  if (records.length === 0) return { fetched: 0, unchanged: 0, changedIds: [] };
  const existing = await tx.contentItem.findMany({
    where: { connectorId, confluenceId: { in: records.map((r) => r.confluenceId) } },
    select: { confluenceId: true, version: true, status: true, parentId: true, spaceConfluenceId: true },
  });
  const known = new Map(existing.map((e) => [e.confluenceId, e]));
  const unchanged: string[] = [];
  const changedIds: string[] = [];
  for (const record of records) {
    const before = known.get(record.confluenceId);
    if (
      before &&
      before.version === record.version &&
      before.status === record.status &&
      before.parentId === record.parentId &&
      (record.spaceConfluenceId === null || before.spaceConfluenceId === record.spaceConfluenceId)
    ) {
      unchanged.push(record.confluenceId);
      continue;
    }
    changedIds.push(record.confluenceId);
    const data = {
      type: record.type,
      spaceConfluenceId: record.spaceConfluenceId ?? before?.spaceConfluenceId ?? null,
      parentId: record.parentId,
      parentType: record.parentType,
      title: record.title,
      status: record.status,
      version: record.version,
      authorId: record.authorId,
      createdAt: record.createdAt,
      modifiedAt: record.modifiedAt,
      webUrl: record.webUrl,
      // A listing without bodies (two-pass filters) leaves the stored body of an unchanged version.
      bodyStorageGz: record.body !== null ? new Uint8Array(gzipSync(record.body)) : before?.version === record.version ? undefined : null,
      ...(record.ancestorIds ? { ancestorIds: record.ancestorIds } : {}),
      mediaType: record.mediaType ?? null,
      fileSize: record.fileSize ?? null,
      downloadPath: record.downloadPath ?? null,
      extra: (record.extra ?? undefined) as Prisma.InputJsonValue | undefined,
      lastSeenRunId: runId,
      syncedAt: new Date(),
      // A changed item is converted and indexed again by the indexing step.
      indexStatus: "pending",
      indexError: null,
    };
    await tx.contentItem.upsert({
      where: { connectorId_confluenceId: { connectorId, confluenceId: record.confluenceId } },
      create: { connectorId, confluenceId: record.confluenceId, ...data },
      // A new version invalidates a previously downloaded (or refused) file; its pieces go when the new one is adopted.
      update: record.type === "attachment" ? { ...data, fileSetId: null, fileBytes: null, fileStatus: null, fileReason: null, fileAttempts: 0 } : data,
    });
  }
  if (unchanged.length) {
    await tx.contentItem.updateMany({ where: { connectorId, confluenceId: { in: unchanged } }, data: { lastSeenRunId: runId } });
  }
  return { fetched: changedIds.length, unchanged: unchanged.length, changedIds };
}
