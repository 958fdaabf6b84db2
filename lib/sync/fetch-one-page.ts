import { z } from "zod";
import type { ConfluenceClient, ListPage, Query } from "../confluence";

/** One page of a cursor-paginated list, raw items (each parsed on its own by the caller). */
export async function fetchOnePage(client: ConfluenceClient, path: string, query: Query, cursor: string | null): Promise<ListPage<unknown>> {
  const pages = client.paginate(path, { query, itemSchema: z.unknown(), cursor: cursor ?? undefined });
  try {
    const first = await pages.next();
    return first.done ? { results: [], nextCursor: null, nextPath: null } : first.value;
  } finally {
    await pages.return(undefined);
  }
}
