import { stripNul } from "../pg-text";
import type { Prisma } from "../generated/prisma/client";
import { CONVERTER_VERSION } from "./markdown";
import { segmentForSearch } from "../content";
import type { PreparedItem } from "./prepare-batch";

type Tx = Prisma.TransactionClient;

export interface IndexTally {
  converted: number;
  indexed: number;
  indexFailed: number;
  indexSkipped: number;
}

export const emptyTally = (): IndexTally => ({ converted: 0, indexed: 0, indexFailed: 0, indexSkipped: 0 });

/**
 * Writes a prepared batch in the caller's transaction: each item's Markdown, status and
 * chunks. An item that changed since it was read (a newer sync wrote it) is left pending for
 * the next batch, so a stale conversion never overwrites a newer one.
 */
export async function writeIndexBatch(tx: Tx, connectorId: string, items: PreparedItem[]): Promise<Map<string, IndexTally>> {
  const tally = new Map<string, IndexTally>();
  const written: PreparedItem[] = [];
  const now = new Date();
  for (const item of items) {
    const { count } = await tx.contentItem.updateMany({
      where: { id: item.id, indexStatus: "pending", updatedAt: item.updatedAt },
      data: {
        indexStatus: item.outcome,
        indexError: item.reason === null ? null : stripNul(item.reason),
        indexedAt: now,
        converterVersion: CONVERTER_VERSION,
        markdown: item.markdown,
        breadcrumb: item.breadcrumb,
        // Comments have no title of their own in Confluence; the index names them after their page.
        ...(item.type.endsWith("_comment") && item.outcome === "indexed" ? { title: item.title } : {}),
        ...(item.spaceConfluenceId ? { spaceConfluenceId: item.spaceConfluenceId } : {}),
      },
    });
    if (count === 0) continue;
    written.push(item);
    const t = tally.get(item.type) ?? emptyTally();
    if (item.markdown !== null) t.converted += 1;
    if (item.outcome === "indexed") t.indexed += 1;
    if (item.outcome === "failed") t.indexFailed += 1;
    if (item.outcome === "skipped") t.indexSkipped += 1;
    tally.set(item.type, t);
  }
  if (written.length === 0) return tally;
  await tx.$executeRaw`DELETE FROM search_chunks WHERE content_item_id = ANY(${written.map((i) => i.id)}::text[])`;
  const rows = written.flatMap((item) => item.chunks.map((chunk) => ({ item, chunk })));
  if (rows.length === 0) return tally;
  // One statement per batch; the tsvector is computed in the chunk's own language, the
  // title weighted above the body so title matches rank first.
  await tx.$executeRaw`
    INSERT INTO search_chunks (content_item_id, connector_id, ordinal, heading_path, text, language, tsv)
    SELECT c.item_id, ${connectorId}, c.ordinal, ARRAY(SELECT jsonb_array_elements_text(c.heading::jsonb)), c.text, c.lang,
           setweight(to_tsvector(c.lang::regconfig, c.title), 'A') || to_tsvector(c.lang::regconfig, c.search_text)
    FROM unnest(${rows.map((r) => r.item.id)}::text[], ${rows.map((r) => r.chunk.ordinal)}::int[], ${rows.map((r) => JSON.stringify(r.chunk.headingPath))}::text[],
                ${rows.map((r) => r.chunk.text)}::text[], ${rows.map((r) => r.item.language)}::text[], ${rows.map((r) => segmentForSearch(r.item.title))}::text[],
                ${rows.map((r) => segmentForSearch(r.chunk.text))}::text[])
      AS c(item_id, ordinal, heading, text, lang, title, search_text)`;
  return tally;
}
