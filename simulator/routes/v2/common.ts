import { HttpError } from "../../http/errors";
import { nextLink, paginate, parseLimit, type PageOptions } from "../../http/pagination";
import type { Ctx, Reply, ScopeReq } from "../../http/router";
import type { Content } from "../../store/types";
import type { BodyFormat } from "./serialize";

/** Shared helpers for v2 routes: parameters, list replies with Link headers, lookups. */
export const V2 = "/wiki/api/v2";

export const SCOPES: Record<string, ScopeReq> = {
  page: { classic: ["read:confluence-content.all"], granular: ["read:page:confluence"] },
  blogpost: { classic: ["read:confluence-content.all"], granular: ["read:blogpost:confluence"] },
  folder: { classic: ["read:confluence-content.all"], granular: ["read:folder:confluence"] },
  space: { classic: ["read:confluence-space.summary"], granular: ["read:space:confluence"] },
  attachment: { classic: ["readonly:content.attachment:confluence"], granular: ["read:attachment:confluence"] },
  comment: { classic: ["read:confluence-content.all"], granular: ["read:comment:confluence"] },
  label: { classic: ["read:confluence-content.all"], granular: ["read:label:confluence"] },
  user: { classic: ["read:confluence-user"], granular: ["read:user:confluence"] },
  spacePermission: { classic: ["read:confluence-space.summary"], granular: ["read:space.permission:confluence"] },
  search: { classic: ["search:confluence"], granular: ["read:content-details:confluence"] },
  restriction: { classic: ["read:confluence-content.permission"], granular: ["read:content.restriction:confluence"] },
  group: { classic: ["read:confluence-groups"], granular: ["read:group:confluence"] },
  audit: { classic: ["read:audit-log:confluence"], granular: ["read:audit-log:confluence"] },
  download: { classic: ["readonly:content.attachment:confluence"], granular: ["read:attachment:confluence"] },
};

export function numericId(raw: string, what = "id"): number {
  if (!/^\d+$/.test(raw)) throw new HttpError(400, `Invalid ${what}: ${raw}`);
  return Number(raw);
}

/** Multi-valued query parameter: repeated and/or comma-separated. */
export function multi(q: URLSearchParams, name: string): string[] {
  return q
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function oneOf<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[], def: T | null): T | null {
  const v = q.get(name);
  if (v === null || v === "") return def;
  if (!allowed.includes(v as T)) throw new HttpError(400, `Invalid value for ${name}: ${v}`);
  return v as T;
}

export function bodyFormat(q: URLSearchParams, single = false): BodyFormat {
  const allowed = single ? (["storage", "atlas_doc_format", "view"] as const) : (["storage", "atlas_doc_format"] as const);
  return oneOf(q, "body-format", allowed as readonly string[], null) as BodyFormat;
}

export function statuses(q: URLSearchParams, allowed: readonly string[], def: string[]): Set<string> {
  const vals = multi(q, "status");
  for (const v of vals) if (!allowed.includes(v)) throw new HttpError(400, `Invalid value for status: ${v}`);
  return new Set(vals.length ? vals : def);
}

export interface SortSpec<T> {
  key: (t: T) => string | number;
  desc: boolean;
  presorted: boolean;
}

export function contentSort(q: URLSearchParams, allowed: readonly string[], def = "id"): SortSpec<Content> {
  const s = oneOf(q, "sort", allowed, def) ?? def;
  const desc = s.startsWith("-");
  const field = desc ? s.slice(1) : s;
  const key =
    field === "created-date"
      ? (c: Content) => c.createdAt
      : field === "modified-date"
        ? (c: Content) => c.modifiedAt
        : field === "title"
          ? (c: Content) => c.title
          : (c: Content) => c.id;
  return { key, desc, presorted: field === "id" };
}

export function listReply<T>(
  ctx: Ctx,
  source: Iterable<T>,
  opts: Omit<PageOptions<T>, "cursor" | "limit"> & { defLimit?: number },
  map: (t: T) => unknown,
  pointsPer = 1,
): Reply {
  const limit = parseLimit(ctx.query, opts.defLimit ?? 25);
  const page = paginate(source, { ...opts, cursor: ctx.query.get("cursor"), limit });
  const results = page.items.map(map);
  const base = `${ctx.sim.url}/wiki`;
  const links: Record<string, string> = { base };
  const headers: Record<string, string> = {};
  if (page.next) {
    links.next = nextLink(ctx.path, ctx.query, page.next);
    headers.Link = `<${links.next}>; rel="next", <${base}>; rel="base"`;
  }
  return { json: { results, _links: links }, headers, points: results.length * pointsPer };
}

export function* filterIter<T>(items: Iterable<T>, pred: (t: T) => boolean): Iterable<T> {
  for (const t of items) if (pred(t)) yield t;
}

export function notFound(): never {
  throw new HttpError(404, "Not Found");
}

export function visibleContent(ctx: Ctx, id: number, type?: Content["type"]): Content {
  const c = ctx.sim.store.contents.get(id);
  if (!c || (type && c.type !== type) || !ctx.access.canReadContent(c)) notFound();
  return c;
}
