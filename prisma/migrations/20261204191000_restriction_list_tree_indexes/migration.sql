-- The restriction stage's work list (lib/sync/permissions-restrictions.ts): the nodes a run will read,
-- listed once when the stage starts (a node leaves it when its read is stored), instead of a scan of the whole site per batch.
CREATE TABLE "restrictions_to_read" (
    "connector_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    CONSTRAINT "restrictions_to_read_pkey" PRIMARY KEY ("connector_id", "node_id")
);

ALTER TABLE "restrictions_to_read" ADD CONSTRAINT "restrictions_to_read_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An incremental run derives chains down from what it listed (lib/sync/derive-tree.ts), child by child.
CREATE INDEX "content_items_connector_id_parent_id_idx" ON "content_items"("connector_id", "parent_id");

-- An incremental run re-reads the oldest reads first (recheckCutoff): found by index, not by sorting every read.
CREATE INDEX "read_restrictions_connector_id_updated_at_node_id_idx" ON "read_restrictions"("connector_id", "updated_at", "node_id");
