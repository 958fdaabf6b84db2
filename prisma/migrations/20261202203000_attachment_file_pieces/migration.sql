-- Attachment files move out of content_items into pieces of at most 1 MiB, which the worker
-- streams in and reads back with raw pg (docs/decisions/011).
ALTER TABLE "content_items" ADD COLUMN     "file_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "file_reason" TEXT,
ADD COLUMN     "file_set_id" TEXT,
ADD COLUMN     "file_bytes" INTEGER,
ADD COLUMN     "file_status" TEXT;

-- CreateTable
CREATE TABLE "attachment_file_pieces" (
    "content_item_id" TEXT NOT NULL,
    "set_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" bytea NOT NULL,

    CONSTRAINT "attachment_file_pieces_pkey" PRIMARY KEY ("content_item_id","set_id","seq")
);

-- AddForeignKey
ALTER TABLE "attachment_file_pieces" ADD CONSTRAINT "attachment_file_pieces_content_item_id_fkey" FOREIGN KEY ("content_item_id") REFERENCES "content_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Files already downloaded keep their bytes: one set per item, named after the item, cut in 1 MiB pieces.
INSERT INTO "attachment_file_pieces" ("content_item_id", "set_id", "seq", "data")
SELECT c."id", c."id", g.seq, substring(c."file_content" FROM g.seq * 1048576 + 1 FOR 1048576)
FROM "content_items" c
CROSS JOIN LATERAL generate_series(0, greatest(0, (length(c."file_content") - 1) / 1048576)) AS g(seq)
WHERE c."file_content" IS NOT NULL;

UPDATE "content_items" SET "file_set_id" = "id", "file_bytes" = length("file_content") WHERE "file_content" IS NOT NULL;

ALTER TABLE "content_items" DROP COLUMN "file_content";
