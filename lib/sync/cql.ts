import { ZCqlSearchResult, type ListPage } from "../confluence";
import { db } from "../db";
import { fetchOnePage } from "./fetch-one-page";
import type { StepContext } from "./step-context";

/** The statuses v2 lists return by default; a CQL search alone finds only current content. */
const CURRENT_AND_ARCHIVED = JSON.stringify({ contentStatuses: ["current", "archived"] });

export const cqlString = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** `space in ("A","B")` for the given spaces (CQL's space field takes keys); null when none is stored. */
export async function spaceClause(connectorId: string, spaceIds: string[]): Promise<string | null> {
  const spaces = await db().confluenceSpace.findMany({ where: { connectorId, confluenceId: { in: spaceIds } }, select: { key: true } });
  return spaces.length ? `space in (${spaces.map((s) => cqlString(s.key)).join(",")})` : null;
}

/**
 * `lastmodified >= now("-90m")`: relative to Confluence's clock, because absolute CQL dates are
 * read in the user's time zone, which we do not know.
 */
export function modifiedSinceClause(since: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((now - Date.parse(since)) / 60_000));
  return `lastmodified >= now("-${minutes}m")`;
}

/** One page (250) of a CQL search over current and archived content; results raw, parsed by the caller. */
export function searchPage(ctx: StepContext, cql: string, expand: string, cursor: string | null): Promise<ListPage<unknown>> {
  return fetchOnePage(ctx.client, "/wiki/rest/api/search", { cql, limit: 250, expand, cqlcontext: CURRENT_AND_ARCHIVED }, cursor);
}

/**
 * Ancestor ids (root first) of the given pages or folders: one search per 250 ids, where v2
 * answers one item per request. Items the search does not return (not indexed yet, or gone) are
 * absent from the map.
 */
export async function ancestorsBySearch(ctx: StepContext, types: "page" | "page, folder", ids: string[]): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 250) {
    let cursor: string | null = null;
    do {
      const page = await searchPage(ctx, `type in (${types}) AND id in (${ids.slice(i, i + 250).join(",")})`, "content.ancestors", cursor);
      for (const raw of page.results) {
        const parsed = ZCqlSearchResult.safeParse(raw);
        if (parsed.success && parsed.data.content)
          chains.set(
            parsed.data.content.id,
            (parsed.data.content.ancestors ?? []).map((a) => a.id),
          );
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return chains;
}
