-- A tree node that moved (its ancestors changed) changes the answer for everything it decides:
-- itself, its comments and attachments, and the records below it. Marking it dirty lets the feed
-- move all of them when it is next read (docs/decisions/013). The node's own row is often pending
-- at that moment (the tree derivation queues it for indexing), which the publishing trigger skips.
CREATE FUNCTION "feed_mark_moved_node"() RETURNS trigger LANGUAGE plpgsql
-- Semicolons are written as \x3b: the migration engine splits scripts at every semicolon.
AS E'
BEGIN
  INSERT INTO feed_dirty_nodes (connector_id, node_id) VALUES (NEW.connector_id, NEW.confluence_id) ON CONFLICT DO NOTHING\x3b
  RETURN NULL\x3b
END ';

CREATE TRIGGER "content_items_feed_moved" AFTER UPDATE ON "content_items"
  FOR EACH ROW WHEN (OLD.ancestor_ids IS DISTINCT FROM NEW.ancestor_ids)
  EXECUTE FUNCTION feed_mark_moved_node();
