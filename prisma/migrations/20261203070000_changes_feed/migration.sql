-- The changes feed (lib/feed, docs/decisions/013): one row per record at the position of its
-- latest change, so a consumer reading past a cursor gets each changed record once. A position
-- is (writing transaction id, sequence): readers only take rows whose transaction is older than
-- every transaction still running, so a change that commits late is never skipped.
CREATE SEQUENCE "feed_seq";

CREATE TABLE "feed_entries" (
    "connector_id" TEXT NOT NULL,
    "confluence_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "seq" BIGINT NOT NULL DEFAULT nextval('feed_seq'),
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "feed_entries_pkey" PRIMARY KEY ("connector_id", "confluence_id")
);
CREATE INDEX "feed_entries_position_idx" ON "feed_entries" ("xid", "seq");

-- Identifies this store: a cursor from another store (or from before a wipe) is refused.
-- `horizon_*` is the newest position of a deletion pruned away: older cursors could miss one.
CREATE TABLE "feed_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" TEXT NOT NULL,
    "horizon_xid" xid8 NOT NULL DEFAULT '0',
    "horizon_seq" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "feed_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feed_state_single_row" CHECK ("id" = 1)
);

-- Tree nodes whose read restriction changed since the feed last looked: the records they decide
-- are moved to a new position in bulk when the feed is read (a per-row walk would be quadratic).
CREATE TABLE "feed_dirty_nodes" (
    "connector_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    CONSTRAINT "feed_dirty_nodes_pkey" PRIMARY KEY ("connector_id", "node_id")
);

-- The space grants as the feed last published them (an md5 per space): grants are rewritten on
-- every permissions run, so only a different digest moves the space's records.
CREATE TABLE "feed_space_digests" (
    "connector_id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    CONSTRAINT "feed_space_digests_pkey" PRIMARY KEY ("connector_id", "space_id")
);

CREATE FUNCTION "feed_publish_item"() RETURNS trigger LANGUAGE plpgsql
-- The migration engine splits scripts at every semicolon, even inside quotes, so function bodies
-- are E-strings with each semicolon written as \x3b (PostgreSQL turns it back into one).
AS E'
DECLARE
  row content_items\x3b
  op TEXT\x3b
BEGIN
  IF TG_OP = ''DELETE'' THEN row := OLD\x3b op := ''delete''\x3b ELSE row := NEW\x3b op := ''upsert''\x3b END IF\x3b
  INSERT INTO feed_entries (connector_id, confluence_id, record_id, op)
  VALUES (row.connector_id, row.confluence_id, row.id, op)
  ON CONFLICT (connector_id, confluence_id) DO UPDATE
    SET record_id = EXCLUDED.record_id, op = EXCLUDED.op, xid = pg_current_xact_id(), seq = nextval(''feed_seq''), changed_at = now()\x3b
  RETURN NULL\x3b
END ';

-- A record is published once indexed (or settled as skipped or failed), never while pending: the
-- consumer keeps the previous version until the new one has its chunks. Labels and bookkeeping
-- columns (seen run, synced_at) are left out so a routine run does not republish the site.
CREATE TRIGGER "content_items_feed_insert" AFTER INSERT ON "content_items"
  FOR EACH ROW WHEN (NEW.index_status <> 'pending') EXECUTE FUNCTION feed_publish_item();
CREATE TRIGGER "content_items_feed_update" AFTER UPDATE ON "content_items"
  FOR EACH ROW WHEN (NEW.index_status <> 'pending' AND (
    OLD.index_status IS DISTINCT FROM NEW.index_status OR OLD.indexed_at IS DISTINCT FROM NEW.indexed_at
    OR OLD.title IS DISTINCT FROM NEW.title OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.ancestor_ids IS DISTINCT FROM NEW.ancestor_ids OR OLD.breadcrumb IS DISTINCT FROM NEW.breadcrumb
    OR OLD.web_url IS DISTINCT FROM NEW.web_url OR OLD.space_confluence_id IS DISTINCT FROM NEW.space_confluence_id
    OR OLD.modified_at IS DISTINCT FROM NEW.modified_at OR OLD.container_id IS DISTINCT FROM NEW.container_id))
  EXECUTE FUNCTION feed_publish_item();
CREATE TRIGGER "content_items_feed_delete" AFTER DELETE ON "content_items"
  FOR EACH ROW EXECUTE FUNCTION feed_publish_item();

CREATE FUNCTION "feed_mark_node"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  row read_restrictions\x3b
BEGIN
  IF TG_OP = ''DELETE'' THEN row := OLD\x3b ELSE row := NEW\x3b END IF\x3b
  INSERT INTO feed_dirty_nodes (connector_id, node_id) VALUES (row.connector_id, row.node_id) ON CONFLICT DO NOTHING\x3b
  RETURN NULL\x3b
END ';

CREATE TRIGGER "read_restrictions_feed_insert" AFTER INSERT ON "read_restrictions"
  FOR EACH ROW EXECUTE FUNCTION feed_mark_node();
-- The recheck rewrites rows every run: only a different answer marks the node.
CREATE TRIGGER "read_restrictions_feed_update" AFTER UPDATE ON "read_restrictions"
  FOR EACH ROW WHEN ((OLD.state, OLD.user_ids, OLD.group_ids) IS DISTINCT FROM (NEW.state, NEW.user_ids, NEW.group_ids))
  EXECUTE FUNCTION feed_mark_node();
CREATE TRIGGER "read_restrictions_feed_delete" AFTER DELETE ON "read_restrictions"
  FOR EACH ROW EXECUTE FUNCTION feed_mark_node();

-- Pruning old deletions scans only deletions.
CREATE INDEX "feed_entries_deleted_idx" ON "feed_entries" ("changed_at") WHERE "op" = 'delete';
