-- Requests to Confluence by route pattern and status, 429s, retries and pacer waits of a run,
-- written with each page commit. GET /api/metrics sums them across runs (docs/decisions/012).
ALTER TABLE "sync_runs" ADD COLUMN "request_stats" JSONB NOT NULL DEFAULT '{}';

-- When an item last became pending for the index, for the index lag in GET /api/metrics. Many
-- paths set an item pending (a new version, Rebuild index, a selection, an adopted file, a moved
-- subtree), and updated_at moves on every run that merely sees it, so a trigger keeps this one.
ALTER TABLE "content_items" ADD COLUMN "index_pending_since" TIMESTAMP(3);
UPDATE "content_items" SET "index_pending_since" = "updated_at" WHERE "index_status" = 'pending';

-- The function body is an E'' string with \073 for each semicolon: the migration runner (Prisma's
-- JS schema engine over the pg adapter, docs/decisions/001) splits scripts at every semicolon,
-- even inside a dollar-quoted body. Times are UTC, as Prisma stores DateTime in a column without
-- a time zone.
CREATE FUNCTION content_items_index_pending_since() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW.index_status = ''pending'' AND (TG_OP = ''INSERT'' OR OLD.index_status IS DISTINCT FROM ''pending'') THEN
    NEW.index_pending_since := timezone(''UTC'', now())\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER content_items_index_pending_since
  BEFORE INSERT OR UPDATE OF index_status ON "content_items"
  FOR EACH ROW EXECUTE FUNCTION content_items_index_pending_since();
