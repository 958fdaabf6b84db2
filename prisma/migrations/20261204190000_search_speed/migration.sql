-- Search speed (bench:search). A search reads the tsvector of every matching chunk (up to
-- MAX_RANKED_CHUNKS) to test and rank it, and the text of only the few it shows. With the
-- default storage a chunk row is over the TOAST threshold, so PostgreSQL moved the tsvector out
-- of line and every match cost a TOAST fetch, three times over (two tests and the rank). MAIN keeps
-- the tsvector in the row and the text moves out instead. The short ids and the language are
-- PLAIN: otherwise, once the text is out, the toaster keeps pushing the next largest column out
-- (the ids) and sorting or joining on them fetches them from the TOAST table for every comparison.
ALTER TABLE "search_chunks"
  ALTER COLUMN "tsv" SET STORAGE MAIN,
  ALTER COLUMN "content_item_id" SET STORAGE PLAIN,
  ALTER COLUMN "connector_id" SET STORAGE PLAIN,
  ALTER COLUMN "language" SET STORAGE PLAIN;

-- The record's type on each of its chunks, for the rank weight (pages before comments), so that
-- ranking needs no lookup of every matching record. A type never changes, and the writer
-- (lib/indexing/write-batch.ts) sets it. Rows written without it are weighted by their record's
-- type (lib/content/search.ts).
ALTER TABLE "search_chunks" ADD COLUMN "item_type" TEXT;

-- Every existing row is rewritten once: with its type, and with its tsvector as a new value (the
-- concatenation with an empty one), which the new storage keeps in the row.
UPDATE "search_chunks" c SET "item_type" = i."type", "tsv" = c."tsv" || ''::tsvector
FROM "content_items" i WHERE i."id" = c."content_item_id";

-- The spaces a member may view are listed once per statement (lib/permissions/visible-to.ts,
-- permission_spaces) from the grants to their account, their groups, anonymous and licensed
-- access: this finds those without reading every grant of the connector.
CREATE INDEX "space_read_grants_principal_idx" ON "space_read_grants" ("connector_id", "principal_type", "principal_id");
