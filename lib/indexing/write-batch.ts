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
  if (items.length === 0) return tally;
  // One statement for the batch (a round trip per item made indexing wait on the network): only
  // rows still pending and unchanged since they were read (same updated_at) are written.
  const updated = await tx.$queryRaw<{ id: string }[]>`
    UPDATE content_items c SET
      index_status = u.outcome, index_error = u.reason, indexed_at = now(), converter_version = ${CONVERTER_VERSION},
      markdown = u.markdown, breadcrumb = ARRAY(SELECT jsonb_array_elements_text(u.breadcrumb::jsonb)),
      -- Comments have no title of their own in Confluence; the index names them after their page.
      title = CASE WHEN u.set_title THEN u.title ELSE c.title END,
      space_confluence_id = COALESCE(u.space_id, c.space_confluence_id),
      updated_at = now()
    FROM unnest(${items.map((i) => i.id)}::text[], ${items.map((i) => i.updatedAt.toISOString())}::text[], ${items.map((i) => i.outcome)}::text[],
                ${items.map((i) => (i.reason === null ? null : stripNul(i.reason)))}::text[], ${items.map((i) => i.markdown)}::text[],
                ${items.map((i) => JSON.stringify(i.breadcrumb))}::text[], ${items.map((i) => i.title)}::text[],
                ${items.map((i) => i.type.endsWith("_comment") && i.outcome === "indexed")}::boolean[], ${items.map((i) => i.spaceConfluenceId || null)}::text[])
      AS u(id, read_at, outcome, reason, markdown, breadcrumb, title, set_title, space_id)
    WHERE c.id = u.id AND c.index_status = 'pending' AND c.updated_at = (u.read_at::timestamptz AT TIME ZONE 'UTC')
    RETURNING c.id`;
  const writtenIds = new Set(updated.map((r) => r.id));
  const written = items.filter((item) => writtenIds.has(item.id));
  for (const item of written) {
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
  // CJK text is indexed with spaces put between its words; other text is indexed as stored, so
  // it is sent once (a null search text stands for the text itself).
  const searchTexts = rows.map((r) => {
    const segmented = segmentForSearch(r.chunk.text);
    return segmented === r.chunk.text ? null : segmented;
  });
  const titles = new Map(written.map((item) => [item.id, segmentForSearch(item.title)]));
  // One statement per batch; the tsvector is computed in the chunk's own language, the
  // title weighted above the body so title matches rank first. Each chunk carries its record's
  // type, for the rank weight (lib/content/search.ts).
  await tx.$executeRaw`
    INSERT INTO search_chunks (content_item_id, connector_id, ordinal, heading_path, text, language, item_type, tsv)
    SELECT c.item_id, ${connectorId}, c.ordinal, ARRAY(SELECT jsonb_array_elements_text(c.heading::jsonb)), c.text, c.lang, c.item_type,
           setweight(to_tsvector(c.lang::regconfig, c.title), 'A') || to_tsvector(c.lang::regconfig, COALESCE(c.search_text, c.text))
    FROM unnest(${rows.map((r) => r.item.id)}::text[], ${rows.map((r) => r.chunk.ordinal)}::int[], ${rows.map((r) => JSON.stringify(r.chunk.headingPath))}::text[],
                ${rows.map((r) => r.chunk.text)}::text[], ${rows.map((r) => r.item.language)}::text[], ${rows.map((r) => r.item.type)}::text[],
                ${rows.map((r) => titles.get(r.item.id)!)}::text[], ${searchTexts}::text[])
      AS c(item_id, ordinal, heading, text, lang, item_type, title, search_text)`;
  return tally;
}
