import { HttpError } from "../../http/errors";
import { encodeCursor, paginate } from "../../http/pagination";
import type { Ctx, RouteDef } from "../../http/router";
import { SCOPES } from "../v2/common";
import { iso } from "../v2/serialize";
import { cqlDate, parseCql, type CqlNode } from "./cql";
import { docJson, docs, matches, typesOf, type Doc } from "./searchdocs";

/** CQL search: /wiki/rest/api/search and /wiki/rest/api/content/search over pages, blog posts, folders, attachments and comments. */
/** Resolve date literals once per query instead of once per candidate. */
function prepare(n: CqlNode): CqlNode {
  if (n.kind === "and" || n.kind === "or") return { ...n, left: prepare(n.left), right: prepare(n.right) };
  if (n.kind === "not") return { kind: "not", node: prepare(n.node) };
  if (n.field.startsWith("lastmodified") || n.field.startsWith("created")) return { ...n, values: n.values.map((v) => cqlDate(v)) };
  return n;
}

/** `cqlcontext={"contentStatuses":["current","archived"]}`: the content statuses to search, as Confluence takes them. */
function contextStatuses(q: URLSearchParams): Set<string> | null {
  const raw = q.get("cqlcontext");
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "cqlcontext is not valid JSON");
  }
  const list = (parsed as { contentStatuses?: unknown })?.contentStatuses;
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) throw new HttpError(400, "cqlcontext.contentStatuses must be a list of statuses");
  return list.length ? new Set(list as string[]) : null;
}

function runSearch(ctx: Ctx) {
  const q = ctx.query;
  const cql = q.get("cql");
  if (!cql) throw new HttpError(400, "cql parameter is required");
  const raw = parseCql(cql);
  const parsed = { ...raw, where: raw.where ? prepare(raw.where) : null };
  const store = ctx.sim.store;
  const includeArchived = q.get("includeArchivedSpaces") === "true";
  const statuses = contextStatuses(q) ?? new Set(["current", ...(includeArchived ? ["archived"] : [])]);
  const limit = Math.min(250, Math.max(1, Number(q.get("limit") ?? 25) || 25));
  const start = Math.max(0, Number(q.get("start") ?? 0) || 0);
  const order = parsed.orderBy[0];
  const key =
    !order || order.field === "id"
      ? (c: Doc) => c.id
      : order.field === "lastmodified" || order.field === "lastmodifieddate"
        ? (c: Doc) => c.modifiedAt
        : order.field === "created" || order.field === "createddate"
          ? (c: Doc) => c.createdAt
          : order.field === "title"
            ? (c: Doc) => c.title
            : (() => {
                throw new HttpError(400, `Unsupported ORDER BY field ${order.field}`);
              })();
  const hits: Doc[] = [];
  const lag = ctx.sim.limits.faults.searchLagMs;
  const indexedBefore = Date.now() - lag;
  for (const d of docs(store, typesOf(parsed.where))) {
    if (lag > 0 && d.modifiedAt > indexedBefore) continue;
    if (!statuses.has(d.status) || (d.content !== undefined && d.type !== d.content.type && !statuses.has(d.content.status))) continue;
    if (parsed.where && !matches(store, d, parsed.where)) continue;
    if (!ctx.access.canReadContent(d.content)) continue;
    hits.push(d);
  }
  const cursor = q.get("cursor");
  let items: Doc[];
  let next: string | null;
  if (cursor || start === 0) {
    const page = paginate(hits, { key, id: (c) => c.id, desc: !!order?.desc, cursor, limit, presorted: false });
    items = page.items;
    next = page.next;
  } else {
    const dir = order?.desc ? -1 : 1;
    const sorted = [...hits].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return dir * ((ka < kb ? -1 : ka > kb ? 1 : 0) || a.id - b.id);
    });
    items = sorted.slice(start, start + limit);
    const last = items[items.length - 1];
    next = start + limit < sorted.length && last ? encodeCursor(key(last), last.id) : null;
  }
  return { parsed, hits, items, next, limit, start, cql };
}

function links(ctx: Ctx, next: string | null) {
  const out: Record<string, string> = { base: `${ctx.sim.url}/wiki`, context: "/wiki", self: `${ctx.sim.url}${ctx.path}?${ctx.query.toString()}` };
  if (next) {
    const p = new URLSearchParams(ctx.query);
    p.set("cursor", next);
    p.set("next", "true");
    p.delete("start");
    out.next = `${ctx.path.replace(/^\/wiki/, "")}?${p.toString()}`;
  }
  return out;
}

function expandSet(q: URLSearchParams): Set<string> {
  return new Set(
    (q.get("expand") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export const searchRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/wiki/rest/api/search",
    flavor: "v1",
    scopes: SCOPES.search,
    handler: (ctx) => {
      const r = runSearch(ctx);
      const expand = expandSet(ctx.query);
      const store = ctx.sim.store;
      const results = r.items.map((c) => {
        const space = store.spaces.get(c.spaceId);
        return {
          content: docJson(ctx.sim, c, expand, "content."),
          title: c.title,
          excerpt: "",
          url: (docJson(ctx.sim, c, new Set()) as { _links: { webui: string } })._links.webui,
          resultGlobalContainer: { title: space?.name ?? "", displayUrl: `/spaces/${space?.key ?? ""}` },
          breadcrumbs: [],
          entityType: "content",
          iconCssClass: `aui-icon content-type-${c.type}`,
          lastModified: iso(c.modifiedAt),
          friendlyLastModified: iso(c.modifiedAt).slice(0, 10),
          score: 0,
        };
      });
      return {
        json: {
          results,
          start: r.start,
          limit: r.limit,
          size: results.length,
          totalSize: r.hits.length,
          cqlQuery: r.cql,
          searchDuration: 5,
          _links: links(ctx, r.next),
        },
        points: results.length,
      };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/content/search",
    flavor: "v1",
    scopes: SCOPES.search,
    handler: (ctx) => {
      const r = runSearch(ctx);
      const expand = expandSet(ctx.query);
      const results = r.items.map((c) => docJson(ctx.sim, c, expand));
      return { json: { results, start: r.start, limit: r.limit, size: results.length, _links: links(ctx, r.next) }, points: results.length };
    },
  },
];
