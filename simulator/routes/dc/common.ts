import type { DcFeature } from "../../dc/config";
import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Content } from "../../store/types";

/** Route definitions for the Data Center flavour: paths relative to the context path, optionally only on newer versions. */
export interface DcRouteDef extends RouteDef {
  /** Served only from the version that introduced this feature; older versions answer 404. */
  since?: DcFeature;
  /** Answered without credentials even when anonymous access is off (version discovery). */
  public?: boolean;
}

export function dcRoute(method: string, pattern: string, handler: RouteDef["handler"], extra: Partial<DcRouteDef> = {}): DcRouteDef {
  return { method, pattern, flavor: "v1", handler, ...extra };
}

export function notFoundContent(raw: string): never {
  throw new HttpError(404, `No content found with id: ContentId{id=${raw}}`);
}

/** Parses a content id ("123" or "att123"); 404 for anything else, as Data Center answers. */
export function contentNumber(raw: string): number {
  const m = /^(?:att)?(\d+)$/.exec(raw);
  if (!m) notFoundContent(raw);
  return Number(m[1]);
}

const STATUSES = ["current", "archived", "trashed", "draft", "historical", "any"];

/** The `status` parameter (comma-separated, "any" for all); default current. */
export function statusFilter(q: URLSearchParams, def = ["current"]): (status: string) => boolean {
  const vals = (q.get("status") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const v of vals) if (!STATUSES.includes(v)) throw new HttpError(400, `Invalid status: ${v}`);
  const wanted = new Set(vals.length ? vals : def);
  return wanted.has("any") ? () => true : (s) => wanted.has(s);
}

/** A page or blog post the caller may read (folders do not exist on Data Center). */
export function readablePage(ctx: Ctx, raw: string): Content {
  const c = ctx.sim.store.contents.get(contentNumber(raw));
  if (!c || c.type === "folder" || !ctx.access.canReadContent(c)) notFoundContent(raw);
  return c;
}

/** Repeated and/or comma-separated parameter values. */
export { multi as multiParam } from "../v2/common";
