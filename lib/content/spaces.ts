import { db } from "../db";
import { viewerCte, visibleTo, type Viewer } from "../permissions";

export interface VisibleSpace {
  connectorId: string;
  connectorName: string;
  id: string;
  key: string;
  name: string;
  url: string | null;
}

/**
 * The spaces in which the viewer may see at least one record, by the same rule as Search: a space
 * they may not view, or whose every record is hidden from them, does not exist for them.
 */
export async function listVisibleSpaces(viewer: Viewer): Promise<VisibleSpace[]> {
  const rows = await db().$queryRaw<
    { connector_id: string; connector_name: string; confluence_id: string; key: string; name: string; web_url: string | null }[]
  >`
    WITH ${viewerCte(viewer)}
    SELECT s.connector_id, c.name AS connector_name, s.confluence_id, s.key, s.name, s.web_url
    FROM confluence_spaces s JOIN connectors c ON c.id = s.connector_id
    WHERE EXISTS (
      SELECT 1 FROM content_items i
      WHERE i.connector_id = s.connector_id AND i.space_confluence_id = s.confluence_id AND ${visibleTo(viewer, "i")})
    ORDER BY s.name, s.key`;
  return rows.map((r) => ({ connectorId: r.connector_id, connectorName: r.connector_name, id: r.confluence_id, key: r.key, name: r.name, url: r.web_url }));
}

/**
 * The record behind a Confluence link the viewer may see: the numeric id in `/pages/123`,
 * `/blogposts/123`, `?pageId=123` or `/attachments/att123`, on a connector whose site URL the link starts with.
 */
export async function findRecordByUrl(link: string, viewer: Viewer): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const id =
    /\/(?:pages|blogposts|blog\/\d{4}\/\d{2}\/\d{2})\/(\d+)/.exec(url.pathname)?.[1] ??
    url.searchParams.get("pageId") ??
    /\/attachments\/(att\d+)/.exec(url.pathname)?.[1];
  if (!id || !/^(att)?\d{1,20}$/.test(id)) return null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH ${viewerCte(viewer)}
    SELECT i.id FROM content_items i JOIN connectors c ON c.id = i.connector_id
    WHERE i.confluence_id = ${id} AND starts_with(lower(${url.href}), rtrim(lower(c.site_url), '/') || '/') AND ${visibleTo(viewer, "i")}
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
