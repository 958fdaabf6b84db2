import { ZDcList, ZDcScanPage, type Query } from "../../confluence";
import type { StepContext } from "../step-context";

/** One page of a Data Center list: raw items (parsed one by one by the caller) and where the next begins. */
export interface DcPage {
  results: unknown[];
  nextCursor: string | null;
}

/**
 * A start/limit list (spaces, content, CQL search). The server caps `limit` silently (50 with
 * bodies, 200 with other expansions) and its `_links.next` advances by the limit *asked for*, so
 * the next start is this start plus what came back; the walk ends at a page with no next link.
 */
export async function offsetPage(ctx: StepContext, path: string, query: Query, cursor: string | null): Promise<DcPage> {
  const start = cursor ? Number(cursor) : 0;
  const page = await ctx.client.getJson(path, { query: { ...query, start }, schema: ZDcList });
  const size = page.results.length;
  const more = size > 0 && (page._links?.next ? true : page.totalSize != null && start + size < page.totalSize);
  return { results: page.results, nextCursor: more ? String(start + size) : null };
}

/** `/content/scan`: pages by the server's cursor, which does not slow down deep into a large space. */
export async function scanPage(ctx: StepContext, query: Query, cursor: string | null): Promise<DcPage> {
  const page = await ctx.client.getJson("/rest/api/content/scan", { query: { ...query, ...(cursor ? { cursor } : {}) }, schema: ZDcScanPage });
  const more = page.results.length > 0 && Boolean(page._links?.next) && Boolean(page.nextCursor);
  return { results: page.results, nextCursor: more ? page.nextCursor! : null };
}
