-- CreateEnum
CREATE TYPE "SyncRunKind" AS ENUM ('full', 'incremental');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "connectors" ADD COLUMN     "sync_state" JSONB;

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "kind" "SyncRunKind" NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'queued',
    "phase" TEXT,
    "counters" JSONB NOT NULL DEFAULT '{}',
    "checkpoint" JSONB,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "lease_owner" TEXT,
    "transient_failures" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_item_errors" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "item_type" TEXT NOT NULL,
    "confluence_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_item_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confluence_spaces" (
    "id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "confluence_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "web_url" TEXT,
    "last_seen_run_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "confluence_spaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_items" (
    "id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "confluence_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "space_confluence_id" TEXT,
    "parent_id" TEXT,
    "parent_type" TEXT,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3),
    "modified_at" TIMESTAMP(3),
    "web_url" TEXT,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "body_storage_gz" BYTEA,
    "media_type" TEXT,
    "file_size" INTEGER,
    "download_path" TEXT,
    "file_content" BYTEA,
    "extra" JSONB,
    "last_seen_run_id" TEXT,
    "synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sync_runs_connector_id_created_at_idx" ON "sync_runs"("connector_id", "created_at");

-- CreateIndex
CREATE INDEX "sync_item_errors_run_id_idx" ON "sync_item_errors"("run_id");

-- CreateIndex
CREATE UNIQUE INDEX "confluence_spaces_connector_id_confluence_id_key" ON "confluence_spaces"("connector_id", "confluence_id");

-- CreateIndex
CREATE INDEX "content_items_connector_id_type_idx" ON "content_items"("connector_id", "type");

-- CreateIndex
CREATE INDEX "content_items_connector_id_last_seen_run_id_idx" ON "content_items"("connector_id", "last_seen_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "content_items_connector_id_confluence_id_key" ON "content_items"("connector_id", "confluence_id");

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_item_errors" ADD CONSTRAINT "sync_item_errors_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confluence_spaces" ADD CONSTRAINT "confluence_spaces_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one queued or running sync per connector: two triggers (or two workers) racing
-- for one connector cannot both start a run.
CREATE UNIQUE INDEX "sync_runs_one_active_per_connector" ON "sync_runs"("connector_id") WHERE "status" IN ('queued', 'running');
