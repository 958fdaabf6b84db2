import { z } from "zod";
import type { ConfluenceClient, ListPage, Query } from "../confluence";

/** Pages fetched ahead, per client (one client per slice); each is taken once, by the call that asks for it. */
const ahead = new WeakMap<ConfluenceClient, { key: string; page: Promise<ListPage<unknown>> }>();
const keyOf = (path: string, query: Query, cursor: string | null) => JSON.stringify([path, query, cursor]);

/** One page of a cursor-paginated list, raw items (each parsed on its own by the caller). */
export async function fetchOnePage(client: ConfluenceClient, path: string, query: Query, cursor: string | null): Promise<ListPage<unknown>> {
  const early = ahead.get(client);
  if (early) {
    ahead.delete(client);
    if (early.key === keyOf(path, query, cursor)) return early.page;
  }
  const pages = client.paginate(path, { query, itemSchema: z.unknown(), cursor: cursor ?? undefined });
  try {
    const first = await pages.next();
    return first.done ? { results: [], nextCursor: null, nextPath: null } : first.value;
  } finally {
    await pages.return(undefined);
  }
}

/**
 * Starts fetching the page a walk will ask for next, so its request goes out while this page
 * is committed (the walk waited for each commit before its next request). The next
 * `fetchOnePage` of the same list and cursor gets it, failure included; any other call drops it.
 */
export function fetchAhead(client: ConfluenceClient, path: string, query: Query, cursor: string): void {
  const page = fetchOnePage(client, path, query, cursor);
  // Handled here: a failure is the next call's to report, and a page nobody takes is dropped.
  page.catch(() => undefined);
  ahead.set(client, { key: keyOf(path, query, cursor), page });
}
