import { gunzipSync } from "node:zlib";
import { containerIdOf } from "../content";
import { db } from "../db";

/** What the converter needs to know about the store around a batch of items, read in a few queries. */
export interface BatchContext {
  siteUrl: string;
  /** A Data Center base URL, where links point instead of `<site>/wiki`. */
  wikiUrl?: string;
  spaces: Map<string, { key: string; name: string }>;
  /** Titles (and types, spaces, web URLs) of ancestors, containers and linked pages, by Confluence id. */
  items: Map<string, { title: string; type: string; spaceConfluenceId: string | null; webUrl: string | null; ancestorIds: string[]; parentId: string | null }>;
  /** Web URLs of linked pages and blog posts, by `${spaceKey}\u0000${title}`. */
  linkTargets: Map<string, { title: string; url: string }>;
  /** Display names of the batch's authors and mentioned users, by account id. */
  userNames: Map<string, string>;
}

export interface BatchItem {
  id: string;
  confluenceId: string;
  type: string;
  title: string;
  spaceConfluenceId: string | null;
  parentId: string | null;
  parentType: string | null;
  ancestorIds: string[];
  extra: unknown;
  bodyStorageGz: Uint8Array | null;
}

export const storageOf = (item: BatchItem): string => (item.bodyStorageGz ? gunzipSync(item.bodyStorageGz).toString("utf8") : "");

const LINKED_TITLE = /ri:content-title="([^"]*)"/g;

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export async function loadBatchContext(connectorId: string, siteUrl: string, batch: BatchItem[], bodies: Map<string, string>): Promise<BatchContext> {
  const spaceRows = await db().confluenceSpace.findMany({ where: { connectorId }, select: { confluenceId: true, key: true, name: true } });
  const spaces = new Map(spaceRows.map((s) => [s.confluenceId, { key: s.key, name: s.name }]));

  const wanted = new Set<string>();
  for (const item of batch) {
    for (const id of item.ancestorIds) wanted.add(id);
    if (item.parentId) wanted.add(item.parentId);
    const container = containerIdOf(item);
    if (container) wanted.add(container);
  }
  const select = { confluenceId: true, title: true, type: true, spaceConfluenceId: true, webUrl: true, ancestorIds: true, parentId: true } as const;
  const rows = wanted.size ? await db().contentItem.findMany({ where: { connectorId, confluenceId: { in: [...wanted] } }, select }) : [];
  const items = new Map(rows.map((r) => [r.confluenceId, r]));
  // Containers' own ancestors give comments and attachments a full breadcrumb.
  const more = new Set(rows.flatMap((r) => r.ancestorIds.concat(r.parentId ?? [])).filter((id) => !items.has(id)));
  if (more.size) {
    for (const r of await db().contentItem.findMany({ where: { connectorId, confluenceId: { in: [...more] } }, select })) items.set(r.confluenceId, r);
  }

  const titles = new Set<string>();
  for (const body of bodies.values()) for (const m of body.matchAll(LINKED_TITLE)) titles.add(unescapeXml(m[1]!));
  const linkTargets = new Map<string, { title: string; url: string }>();
  if (titles.size) {
    const linked = await db().contentItem.findMany({
      where: { connectorId, type: { in: ["page", "blogpost"] }, title: { in: [...titles] } },
      select: { title: true, spaceConfluenceId: true, webUrl: true },
    });
    for (const l of linked) {
      const key = spaces.get(l.spaceConfluenceId ?? "")?.key;
      if (key && l.webUrl) linkTargets.set(`${key}\u0000${l.title}`, { title: l.title, url: l.webUrl });
    }
  }
  return { siteUrl, spaces, items, linkTargets, userNames: new Map() };
}

const chainOf = (x: { ancestorIds: string[]; parentId: string | null }) => (x.ancestorIds.length ? x.ancestorIds : x.parentId ? [x.parentId] : []);

/** The breadcrumb of an item: its space name, then its ancestors' titles (root first), then the container for comments and attachments. */
export function breadcrumbOf(item: BatchItem, ctx: BatchContext): string[] {
  const container = containerIdOf(item);
  const base = container ? ctx.items.get(container) : undefined;
  const ids = container ? [...(base ? chainOf(base) : []), container] : chainOf(item);
  const titles = ids.map((id) => ctx.items.get(id)?.title).filter((t): t is string => !!t);
  const spaceId = base?.spaceConfluenceId ?? item.spaceConfluenceId;
  const space = spaceId ? ctx.spaces.get(spaceId)?.name : undefined;
  return space ? [space, ...titles] : titles;
}
