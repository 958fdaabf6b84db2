-- The container of a comment or attachment (its page or blog post), and a page's parent: a real
-- column, computed by PostgreSQL from what the sync writes, so the hot lookups by container
-- (permissions, tree derivation, removals) use an index instead of reading JSON row by row.
ALTER TABLE "content_items" ADD COLUMN "container_id" TEXT GENERATED ALWAYS AS (COALESCE("extra"->>'containerId', "parent_id")) STORED;
CREATE INDEX "content_items_connector_id_container_id_idx" ON "content_items"("connector_id", "container_id");
-- The records list sorts by modification time, and links are resolved by title.
CREATE INDEX "content_items_connector_id_modified_at_idx" ON "content_items"("connector_id", "modified_at");
CREATE INDEX "content_items_connector_id_title_idx" ON "content_items"("connector_id", "title");
