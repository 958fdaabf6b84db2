-- AlterTable
ALTER TABLE "content_items" ADD COLUMN     "ancestor_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "breadcrumb" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "converter_version" INTEGER,
ADD COLUMN     "index_error" TEXT,
ADD COLUMN     "index_selected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "index_status" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "indexed_at" TIMESTAMP(3),
ADD COLUMN     "markdown" TEXT;

-- CreateTable
CREATE TABLE "search_chunks" (
    "id" BIGSERIAL NOT NULL,
    "content_item_id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "heading_path" TEXT[],
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "tsv" tsvector,

    CONSTRAINT "search_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confluence_users" (
    "id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "display_name" TEXT,
    "email" TEXT,
    "account_type" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "confluence_users_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "search_chunks_content_item_id_idx" ON "search_chunks"("content_item_id");

-- CreateIndex
CREATE INDEX "search_chunks_connector_id_idx" ON "search_chunks"("connector_id");

-- CreateIndex
CREATE INDEX "search_chunks_tsv_idx" ON "search_chunks" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_chunks_language_idx" ON "search_chunks"("language");

-- CreateIndex
CREATE UNIQUE INDEX "confluence_users_connector_id_account_id_key" ON "confluence_users"("connector_id", "account_id");

-- CreateIndex
CREATE INDEX "content_items_connector_id_index_status_idx" ON "content_items"("connector_id", "index_status");

-- AddForeignKey
ALTER TABLE "search_chunks" ADD CONSTRAINT "search_chunks_content_item_id_fkey" FOREIGN KEY ("content_item_id") REFERENCES "content_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confluence_users" ADD CONSTRAINT "confluence_users_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

