import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { decidingNodes } from "../permissions";
import type { FeedAccess, FeedAudienceAccess, FeedMirrorAccess, FeedRecord } from "./schemas";

interface ItemRow {
  id: string;
  connector_id: string;
  confluence_id: string;
  type: string;
  web_url: string | null;
  space_id: string | null;
  space_key: string | null;
  title: string;
  status: string;
  breadcrumb: string[];
  markdown: string | null;
  modified_at: Date | null;
  index_status: string;
  nodes: string[];
}

const pairs = (rows: { connector_id: string; id: string }[]) => ({ connectors: rows.map((r) => r.connector_id), ids: rows.map((r) => r.id) });

/**
 * The current state of the records behind upsert entries, keyed `connectorId/confluenceId`:
 * the record with its chunks and who may see it, or "nobody" when no one may (a node on its
 * chain was never read or could not be read, or its space grants viewing to no one; on a
 * connector with audience rules, no rule covers its space), which the feed sends as a
 * deletion. A record missing from the map no longer exists.
 */
export async function loadFeedRecords(entries: { connector_id: string; confluence_id: string }[]): Promise<Map<string, FeedRecord | "nobody">> {
  const out = new Map<string, FeedRecord | "nobody">();
  if (!entries.length) return out;
  const wanted = pairs(entries.map((e) => ({ connector_id: e.connector_id, id: e.confluence_id })));
  const items = await db().$queryRaw<ItemRow[]>`
    SELECT c.id, c.connector_id, c.confluence_id, c.type, c.web_url, c.space_confluence_id AS space_id, s.key AS space_key,
      c.title, c.status, c.breadcrumb, c.markdown, c.modified_at, c.index_status, ${decidingNodes(Prisma.raw("c"))} AS nodes
    FROM content_items c
    JOIN unnest(${wanted.connectors}::text[], ${wanted.ids}::text[]) AS w(connector_id, confluence_id)
      ON w.connector_id = c.connector_id AND w.confluence_id = c.confluence_id
    LEFT JOIN confluence_spaces s ON s.connector_id = c.connector_id AND s.confluence_id = c.space_confluence_id`;
  if (!items.length) return out;

  const nodes = pairs(items.flatMap((i) => i.nodes.map((n) => ({ connector_id: i.connector_id, id: n }))));
  const restrictions = await db().$queryRaw<{ connector_id: string; node_id: string; state: string; user_ids: string[]; group_ids: string[] }[]>`
    SELECT r.connector_id, r.node_id, r.state, r.user_ids, r.group_ids FROM read_restrictions r
    JOIN (SELECT DISTINCT * FROM unnest(${nodes.connectors}::text[], ${nodes.ids}::text[])) AS w(connector_id, node_id)
      ON w.connector_id = r.connector_id AND w.node_id = r.node_id`;
  const restrictionOf = new Map(restrictions.map((r) => [`${r.connector_id}/${r.node_id}`, r]));

  const spaces = pairs(items.map((i) => ({ connector_id: i.connector_id, id: i.space_id ?? "" })));
  const grants = await db().$queryRaw<{ connector_id: string; space_id: string; principal_type: string; principal_id: string }[]>`
    SELECT DISTINCT g.connector_id, g.space_id, g.principal_type, g.principal_id FROM space_read_grants g
    JOIN (SELECT DISTINCT * FROM unnest(${spaces.connectors}::text[], ${spaces.ids}::text[])) AS w(connector_id, space_id)
      ON w.connector_id = g.connector_id AND w.space_id = g.space_id
    ORDER BY g.principal_type, g.principal_id`;
  const spaceAccess = new Map<string, FeedMirrorAccess["space"]>();
  for (const g of grants) {
    const key = `${g.connector_id}/${g.space_id}`;
    const access = spaceAccess.get(key) ?? { anonymous: false, licensed: false, users: [], groups: [] };
    if (g.principal_type === "anonymous") access.anonymous = true;
    else if (g.principal_type === "licensed") access.licensed = true;
    else if (g.principal_type === "user") access.users.push(g.principal_id);
    else if (g.principal_type === "group") access.groups.push(g.principal_id);
    spaceAccess.set(key, access);
  }

  const audienceOf = await audiences([...new Set(items.map((i) => i.connector_id))]);

  const chunks = await db().searchChunk.findMany({
    where: { contentItemId: { in: items.map((i) => i.id) } },
    orderBy: [{ contentItemId: "asc" }, { ordinal: "asc" }],
    select: { contentItemId: true, ordinal: true, headingPath: true, text: true, language: true },
  });
  const chunksOf = new Map<string, typeof chunks>();
  for (const c of chunks) chunksOf.set(c.contentItemId, [...(chunksOf.get(c.contentItemId) ?? []), c]);

  for (const item of items) {
    const key = `${item.connector_id}/${item.confluence_id}`;
    const access = audienceOf.has(item.connector_id) ? audienceOf.get(item.connector_id)!(item.space_id) : mirrorAccess(item);
    if (!access) {
      out.set(key, "nobody");
      continue;
    }
    out.set(key, {
      key,
      id: item.id,
      connectorId: item.connector_id,
      confluenceId: item.confluence_id,
      type: item.type,
      url: item.web_url,
      space: { id: item.space_id, key: item.space_key },
      title: item.title,
      status: item.status,
      breadcrumb: item.breadcrumb,
      markdown: item.markdown,
      chunks: (chunksOf.get(item.id) ?? []).map(({ ordinal, headingPath, text, language }) => ({ ordinal, headingPath, text, language })),
      modifiedAt: item.modified_at?.toISOString() ?? null,
      indexStatus: item.index_status,
      access,
    });
  }
  return out;

  function mirrorAccess(item: ItemRow): FeedAccess | null {
    const space = spaceAccess.get(`${item.connector_id}/${item.space_id ?? ""}`);
    const layers: FeedMirrorAccess["layers"] = [];
    let nobody = !space;
    for (const nodeId of item.nodes) {
      const r = restrictionOf.get(`${item.connector_id}/${nodeId}`);
      if (!r || r.state === "nobody") nobody = true;
      else if (r.state === "restricted") layers.push({ nodeId, users: r.user_ids, groups: r.group_ids });
    }
    return nobody ? null : { strategy: "mirror", space: space!, layers };
  }
}

/**
 * For each of these connectors whose strategy is "audience": a function from a space id to the
 * audience its rules give (the space's rules and the whole-connector rules), or null when no rule
 * covers the space, which the feed sends as visible to nobody.
 */
async function audiences(connectorIds: string[]): Promise<Map<string, (spaceId: string | null) => FeedAudienceAccess | null>> {
  const rules = await db().$queryRaw<{ connector_id: string; space_id: string | null; principal_type: string; principal_id: string }[]>`
    SELECT c.id AS connector_id, r.space_id, r.principal_type, r.principal_id
    FROM connectors c LEFT JOIN audience_rules r ON r.connector_id = c.id
    WHERE c.id = ANY (${connectorIds}::text[]) AND c.access_strategy = 'audience'
    ORDER BY r.principal_type, r.principal_id`;
  const byConnector = new Map<string, typeof rules>();
  for (const r of rules) byConnector.set(r.connector_id, [...(byConnector.get(r.connector_id) ?? []), ...(r.principal_type ? [r] : [])]);
  return new Map(
    [...byConnector].map(([connectorId, list]) => [
      connectorId,
      (spaceId: string | null) => {
        const covering = list.filter((r) => r.space_id === null || r.space_id === spaceId);
        if (!covering.length) return null;
        const ids = (type: string) => [...new Set(covering.filter((r) => r.principal_type === type).map((r) => r.principal_id))];
        return { strategy: "audience", audience: { users: ids("user"), groups: ids("app_group") } };
      },
    ]),
  );
}
