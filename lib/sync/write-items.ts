import { Prisma } from "../generated/prisma/client";
import type { ItemRecord } from "./map-items";

type Tx = Prisma.TransactionClient;

/** One content row as saveItems decided to write it; `undefined` fields keep what is stored. */
export type ItemWrite = Pick<
  ItemRecord,
  | "confluenceId"
  | "type"
  | "spaceConfluenceId"
  | "parentId"
  | "parentType"
  | "title"
  | "status"
  | "version"
  | "authorId"
  | "createdAt"
  | "modifiedAt"
  | "webUrl"
  | "ancestorIds"
  | "labels"
> & {
  /** Gzip-compressed storage body; undefined keeps the stored one, null clears it. */
  bodyStorageGz: Uint8Array | null | undefined;
  mediaType: string | null;
  fileSize: number | null;
  downloadPath: string | null;
  extra: unknown;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** The page's rows as one unnest(...) source `u`, with a flag per row for each field to keep. */
function source(rows: ItemWrite[]): Prisma.Sql {
  const col = <T>(pick: (r: ItemWrite) => T) => rows.map(pick);
  return Prisma.sql`unnest(${col((r) => r.confluenceId)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.spaceConfluenceId)}::text[],
      ${col((r) => r.parentId)}::text[], ${col((r) => r.parentType)}::text[], ${col((r) => r.title)}::text[], ${col((r) => r.status)}::text[],
      ${col((r) => r.version)}::int[], ${col((r) => r.authorId)}::text[], ${col((r) => iso(r.createdAt))}::text[],
      ${col((r) => iso(r.modifiedAt))}::text[], ${col((r) => r.webUrl)}::text[],
      ${col((r) => (r.bodyStorageGz ? Buffer.from(r.bodyStorageGz).toString("base64") : null))}::text[], ${col((r) => r.bodyStorageGz === undefined)}::boolean[],
      ${col((r) => json(r.ancestorIds))}::text[], ${col((r) => json(r.labels))}::text[], ${col((r) => r.mediaType)}::text[],
      ${col((r) => r.fileSize)}::int[], ${col((r) => r.downloadPath)}::text[], ${col((r) => json(r.extra))}::text[])
    AS u(confluence_id, type, space_id, parent_id, parent_type, title, status, version, author_id, created_at, modified_at, web_url,
         body, keep_body, ancestor_ids, labels, media_type, file_size, download_path, extra)`;
}

const utc = (column: string) => Prisma.raw(`(${column}::timestamptz AT TIME ZONE 'UTC')`);
const textArray = (column: string) => Prisma.raw(`ARRAY(SELECT jsonb_array_elements_text(${column}::jsonb))`);

/**
 * Writes a page of content rows in two statements, new rows and stored ones (a Prisma upsert per
 * row cost about 4 ms each, most of a listing step's time). Every row written becomes pending for
 * the index; an attachment's new version drops the file stored for the old one. Bodies travel as
 * base64 text, never as an ORM byte array. `stored` names the Confluence ids already saved.
 */
export async function writeItems(tx: Tx, connectorId: string, runId: string, rows: ItemWrite[], stored: Set<string>): Promise<void> {
  const fresh = rows.filter((r) => !stored.has(r.confluenceId));
  const old = rows.filter((r) => stored.has(r.confluenceId));
  const now = Prisma.raw(`(now() AT TIME ZONE 'UTC')`);
  if (fresh.length) {
    await tx.$executeRaw`
      INSERT INTO content_items (id, connector_id, confluence_id, type, space_confluence_id, parent_id, parent_type, title, status, version,
        author_id, created_at, modified_at, web_url, body_storage_gz, ancestor_ids, labels, media_type, file_size, download_path, extra,
        last_seen_run_id, synced_at, index_status, updated_at)
      SELECT gen_random_uuid()::text, ${connectorId}, u.confluence_id, u.type, u.space_id, u.parent_id, u.parent_type, u.title, u.status, u.version,
        u.author_id, ${utc("u.created_at")}, ${utc("u.modified_at")}, u.web_url, decode(u.body, 'base64'),
        COALESCE(${textArray("u.ancestor_ids")}, '{}'), COALESCE(${textArray("u.labels")}, '{}'), u.media_type, u.file_size, u.download_path,
        u.extra::jsonb, ${runId}, ${now}, 'pending', ${now}
      FROM ${source(fresh)}`;
  }
  if (old.length) {
    await tx.$executeRaw`
      UPDATE content_items c SET
        type = u.type, space_confluence_id = u.space_id, parent_id = u.parent_id, parent_type = u.parent_type, title = u.title,
        status = u.status, version = u.version, author_id = u.author_id, created_at = ${utc("u.created_at")},
        modified_at = ${utc("u.modified_at")}, web_url = u.web_url,
        body_storage_gz = CASE WHEN u.keep_body THEN c.body_storage_gz ELSE decode(u.body, 'base64') END,
        ancestor_ids = CASE WHEN u.ancestor_ids IS NULL THEN c.ancestor_ids ELSE ${textArray("u.ancestor_ids")} END,
        labels = CASE WHEN u.labels IS NULL THEN c.labels ELSE ${textArray("u.labels")} END,
        media_type = u.media_type, file_size = u.file_size, download_path = u.download_path,
        extra = CASE WHEN u.extra IS NULL THEN c.extra ELSE u.extra::jsonb END,
        file_set_id = CASE WHEN u.type = 'attachment' THEN NULL ELSE c.file_set_id END,
        file_bytes = CASE WHEN u.type = 'attachment' THEN NULL ELSE c.file_bytes END,
        file_status = CASE WHEN u.type = 'attachment' THEN NULL ELSE c.file_status END,
        file_reason = CASE WHEN u.type = 'attachment' THEN NULL ELSE c.file_reason END,
        file_attempts = CASE WHEN u.type = 'attachment' THEN 0 ELSE c.file_attempts END,
        last_seen_run_id = ${runId}, synced_at = ${now}, index_status = 'pending', index_error = NULL, updated_at = ${now}
      FROM ${source(old)}
      WHERE c.connector_id = ${connectorId} AND c.confluence_id = u.confluence_id`;
  }
}
