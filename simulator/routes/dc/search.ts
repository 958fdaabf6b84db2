import { localToUtc } from "../../dc/time";
import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import { cqlDate, parseCql, type CqlNode, type CqlValue } from "../v1/cql";
import { docs, matches, typesOf, type Doc } from "../v1/searchdocs";
import { dcRoute, type DcRouteDef } from "./common";
import { dcAttachmentJson, dcCommentJson, dcContentJson, parseExpand } from "./json";
import { limitCap, offsetPage } from "./paging";
import { dc } from "./people-json";

/**
 * `/rest/api/content/search`: the same CQL as the Cloud flavour, but a date literal such as
 * `lastmodified >= "2024-06-01 10:00"` is wall-clock time in the server's time zone (as Data
 * Center reads it), and paging is start/limit with the silent cap (body 50, else 200, none 1000).
 */
const DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

export function dcCqlDate(v: CqlValue, tz: string): number {
  if (typeof v !== "string") return cqlDate(v);
  const m = DATE.exec(v.trim());
  if (!m) throw new HttpError(400, `Invalid date in CQL: ${v}`);
  return localToUtc(tz, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

function prepare(n: CqlNode, tz: string): CqlNode {
  if (n.kind === "and" || n.kind === "or") return { ...n, left: prepare(n.left, tz), right: prepare(n.right, tz) };
  if (n.kind === "not") return { kind: "not", node: prepare(n.node, tz) };
  if (n.field.startsWith("lastmodified") || n.field.startsWith("created")) return { ...n, values: n.values.map((v) => dcCqlDate(v, tz)) };
  return n;
}

function contextStatuses(raw: string | null): Set<string> | null {
  if (!raw) return null;
  try {
    const list = (JSON.parse(raw) as { contentStatuses?: unknown }).contentStatuses;
    if (list === undefined) return null;
    if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) throw new Error("shape");
    return list.length ? new Set(list as string[]) : null;
  } catch {
    throw new HttpError(400, 'cqlcontext must be JSON such as {"contentStatuses":["current","archived"]}');
  }
}

function orderKey(field: string | undefined): (d: Doc) => number | string {
  if (!field || field === "id") return (d) => d.id;
  if (field === "lastmodified" || field === "lastmodifieddate") return (d) => d.modifiedAt;
  if (field === "created" || field === "createddate") return (d) => d.createdAt;
  if (field === "title") return (d) => d.title;
  throw new HttpError(400, `Unsupported ORDER BY field ${field}`);
}

function search(ctx: Ctx) {
  const q = ctx.query;
  const cql = q.get("cql");
  if (!cql) throw new HttpError(400, "The cql parameter is required");
  const raw = parseCql(cql);
  const where = raw.where ? prepare(raw.where, dc(ctx.sim).config.timeZone) : null;
  const statuses = contextStatuses(q.get("cqlcontext")) ?? new Set(["current"]);
  const store = ctx.sim.store;
  const lag = ctx.sim.limits.faults.searchLagMs;
  const indexedBefore = Date.now() - lag;
  const hits: Doc[] = [];
  for (const d of docs(store, typesOf(where))) {
    if (d.type === "folder" || (lag > 0 && d.modifiedAt > indexedBefore)) continue;
    if (!statuses.has(d.status) || (d.type !== d.content.type && !statuses.has(d.content.status))) continue;
    if (where && !matches(store, d, where)) continue;
    if (!ctx.access.canReadContent(d.content)) continue;
    hits.push(d);
  }
  const order = raw.orderBy[0];
  const key = orderKey(order?.field);
  const dir = order?.desc ? -1 : 1;
  hits.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return dir * ((ka < kb ? -1 : ka > kb ? 1 : 0) || a.id - b.id);
  });
  const expand = parseExpand(q);
  const json = (d: Doc) =>
    d.attachment
      ? dcAttachmentJson(ctx.sim, d.attachment, expand)
      : d.comment
        ? dcCommentJson(ctx.sim, d.comment, expand)
        : dcContentJson(ctx.sim, d.content, expand);
  const reply = offsetPage(ctx, hits, json, { cap: limitCap(expand) });
  Object.assign(reply.json as Record<string, unknown>, { totalSize: hits.length, cqlQuery: cql });
  return reply;
}

export const dcSearchRoutes: DcRouteDef[] = [dcRoute("GET", "/rest/api/content/search", search)];
