import type { Ctx, Reply } from "../../http/router";
import type { Expand } from "./json";
import { baseUrl, dc } from "./people-json";

/**
 * Data Center's start/limit paging. The server caps `limit` silently by what is expanded
 * (Atlassian KB "Searching for content with the REST API and CQL always limits results to 50":
 * body 50, other expansions 200, none 1000), reports the capped value as `limit`, and builds
 * `_links.next` from the limit that was asked for, so a client that follows `next` blindly skips
 * items once the cap bites (the behaviour onyx's connector works around). `next` is present only
 * while items remain after what this page returned; derive the next start from `start + size`.
 */
export function limitCap(expand: Expand): number {
  for (const e of expand) if (e === "body" || e.startsWith("body.")) return 50;
  return expand.size > 0 ? 200 : 1000;
}

function int(raw: string | null, def: number): number {
  if (raw === null || raw.trim() === "") return def;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : def;
}

export function startLimit(q: URLSearchParams, defLimit: number): { start: number; requested: number } {
  const start = Math.max(0, int(q.get("start"), 0));
  const requested = int(q.get("limit"), defLimit);
  return { start, requested: requested > 0 ? requested : defLimit };
}

export function envelopeLinks(ctx: Ctx, extra: Record<string, string> = {}): Record<string, string> {
  const qs = ctx.query.toString();
  return { self: `${baseUrl(ctx.sim)}${ctx.path}${qs ? `?${qs}` : ""}`, ...extra, base: baseUrl(ctx.sim), context: dc(ctx.sim).config.contextPath };
}

function linkWith(ctx: Ctx, start: number, limit: number): string {
  const p = new URLSearchParams(ctx.query);
  p.set("limit", String(limit));
  p.set("start", String(start));
  return `${ctx.path}?${p.toString()}`;
}

export interface OffsetOptions {
  cap: number;
  defLimit?: number;
  /** Extra quota-style points per item, for stats only. */
  points?: number;
}

export function offsetPage<T>(ctx: Ctx, items: readonly T[], map: (t: T) => unknown, o: OffsetOptions): Reply {
  const { start, requested } = startLimit(ctx.query, o.defLimit ?? 25);
  const limit = Math.min(requested, o.cap);
  const page = items.slice(start, start + limit);
  const extra: Record<string, string> = {};
  if (start + page.length < items.length) extra.next = linkWith(ctx, start + requested, requested);
  if (start > 0) extra.prev = linkWith(ctx, Math.max(0, start - requested), requested);
  const results = page.map(map);
  return { json: { results, start, limit, size: results.length, _links: envelopeLinks(ctx, extra) }, points: results.length * (o.points ?? 1) };
}
