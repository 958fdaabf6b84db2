import { gzipSync } from "node:zlib";
import type { Prisma } from "../generated/prisma/client";
import { isDatabaseUnavailable } from "../db-errors";
import { stripNul, stripNulDeep, underSavepoint } from "../pg-text";
import type { ItemRecord } from "./map-items";
import { writeItems, type ItemWrite } from "./write-items";

type Tx = Prisma.TransactionClient;

export interface SaveFailure {
  confluenceId: string;
  reason: string;
}

/**
 * Saves a page of items once per (connector, Confluence id). An item whose version, status
 * and parent are unchanged is only marked as seen (no body rewrite); the rest are written
 * with the storage body gzip-compressed, new and stored rows in a statement each (writeItems).
 * The page is written under a savepoint; when the database refuses it, each item is written
 * under its own, so one bad item is reported as failed (its stored copy kept) while the rest
 * are saved.
 */
export async function saveItems(
  tx: Tx,
  connectorId: string,
  runId: string,
  records: ItemRecord[],
): Promise<{ fetched: number; unchanged: number; changedIds: string[]; failures: SaveFailure[] }> {
  if (records.length === 0) return { fetched: 0, unchanged: 0, changedIds: [], failures: [] };
  const existing = await tx.contentItem.findMany({
    where: { connectorId, confluenceId: { in: records.map((r) => r.confluenceId) } },
    select: { confluenceId: true, version: true, status: true, parentId: true, spaceConfluenceId: true, labels: true },
  });
  const known = new Map(existing.map((e) => [e.confluenceId, e]));
  const unchanged: string[] = [];
  const changed: ItemWrite[] = [];
  for (const record of records) {
    const before = known.get(record.confluenceId);
    if (
      before &&
      before.version === record.version &&
      before.status === record.status &&
      before.parentId === record.parentId &&
      (record.spaceConfluenceId === null || before.spaceConfluenceId === record.spaceConfluenceId) &&
      (record.labels === undefined || sameLabels(before.labels, record.labels))
    ) {
      unchanged.push(record.confluenceId);
      continue;
    }
    changed.push({
      confluenceId: record.confluenceId,
      type: record.type,
      spaceConfluenceId: record.spaceConfluenceId ?? before?.spaceConfluenceId ?? null,
      parentId: record.parentId,
      parentType: record.parentType,
      title: stripNul(record.title),
      status: record.status,
      version: record.version,
      authorId: record.authorId,
      createdAt: record.createdAt,
      modifiedAt: record.modifiedAt,
      webUrl: record.webUrl,
      // A listing without bodies (two-pass filters) leaves the stored body of an unchanged version.
      bodyStorageGz: record.body !== null ? new Uint8Array(gzipSync(record.body)) : before?.version === record.version ? undefined : null,
      ancestorIds: record.ancestorIds,
      labels: record.labels ? [...new Set(record.labels.map(stripNul))] : undefined,
      mediaType: record.mediaType ?? null,
      fileSize: record.fileSize ?? null,
      downloadPath: record.downloadPath ?? null,
      extra: record.extra ? stripNulDeep(record.extra) : undefined,
    });
  }
  const stored = new Set(known.keys());
  const failures: SaveFailure[] = [];
  // A page naming an item twice is written item by item, so the second write updates the first.
  const distinct = new Set(changed.map((c) => c.confluenceId)).size === changed.length;
  const wholePage = distinct && (await underSavepoint(tx, "save_page", () => writeItems(tx, connectorId, runId, changed, stored), isDatabaseUnavailable)).ok;
  if (!wholePage) {
    for (const item of changed) {
      const one = await underSavepoint(tx, "save_item", () => writeItems(tx, connectorId, runId, [item], stored), isDatabaseUnavailable);
      if (one.ok) stored.add(item.confluenceId);
      else failures.push({ confluenceId: item.confluenceId, reason: `could not be stored: ${errorText(one.error)}` });
    }
  }
  const failedIds = new Set(failures.map((f) => f.confluenceId));
  // Failed items are marked seen (their stored copy kept) with the page's other failures, in commitPage.
  if (unchanged.length) {
    await tx.contentItem.updateMany({ where: { connectorId, confluenceId: { in: unchanged } }, data: { lastSeenRunId: runId } });
  }
  const changedIds = changed.map((c) => c.confluenceId).filter((id) => !failedIds.has(id));
  return { fetched: changedIds.length, unchanged: unchanged.length, changedIds, failures };
}

/** Labels change without a new version (Data Center lists them with the item), so they count as a change. */
const sameLabels = (stored: string[], listed: string[]) => {
  const a = new Set(stored);
  const b = new Set(listed);
  return a.size === b.size && [...b].every((l) => a.has(l));
};

/** The first line of a database error, without Prisma's invocation preamble. */
function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const lines = message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines[lines.length - 1] ?? message).slice(0, 300);
}
