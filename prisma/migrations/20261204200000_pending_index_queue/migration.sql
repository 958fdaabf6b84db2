-- The indexer's queue (lib/indexing/prepare-batch.ts): the next pending documents and attachments in id order, found by index.
-- With only (connector_id, index_status) PostgreSQL walked the primary key from the start past every row already indexed,
-- once per batch of 50: 690 ms a batch at 100,000 pages, quadratic in the site's size.
-- Partial indexes hold only pending rows, so they stay small however large the site.
CREATE INDEX "content_items_pending_documents_idx" ON "content_items"("connector_id", "id") WHERE "index_status" = 'pending' AND "type" <> 'attachment';
CREATE INDEX "content_items_pending_attachments_idx" ON "content_items"("connector_id", "id") WHERE "index_status" = 'pending' AND "type" = 'attachment';
-- Beside a run still downloading, the indexer takes only attachments whose file is settled (stored or refused).
CREATE INDEX "content_items_pending_settled_files_idx" ON "content_items"("connector_id", "id")
  WHERE "index_status" = 'pending' AND "type" = 'attachment' AND ("file_set_id" IS NOT NULL OR "file_status" IS NOT NULL);

-- An incremental run asks for the chains of what it listed and of pages whose chain was emptied when an ancestor left
-- (lib/sync/ancestors-step.ts): the second set by index, so the run does not look at every page of the site.
CREATE INDEX "content_items_chain_emptied_idx" ON "content_items"("connector_id")
  WHERE "type" IN ('page', 'folder') AND "parent_id" IS NOT NULL AND cardinality("ancestor_ids") = 0;

-- An incremental run reads again what could not be read (lib/sync/permissions-restrictions.ts), found by index among every read.
CREATE INDEX "read_restrictions_nobody_idx" ON "read_restrictions"("connector_id") WHERE "state" = 'nobody';
