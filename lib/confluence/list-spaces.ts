import type { ConfluenceClient } from "./client";
import { ZSpace } from "./schemas";
import { ZDcList, ZDcSpace } from "./schemas-dc";

export interface SpaceChoice {
  id: string;
  key: string;
  name: string;
  type: string;
}

/** Every space the account can see, for the setup form's multi-select (largest pages allowed). */
export async function listAllSpaces(client: ConfluenceClient, options: { signal?: AbortSignal } = {}): Promise<SpaceChoice[]> {
  const spaces: SpaceChoice[] = [];
  for await (const page of client.paginate("/wiki/api/v2/spaces", { query: { limit: 250 }, itemSchema: ZSpace, signal: options.signal })) {
    for (const s of page.results) spaces.push({ id: s.id, key: s.key, name: s.name ?? s.key, type: s.type ?? "global" });
  }
  return spaces;
}

/**
 * The same on Data Center: `/rest/api/space` by start/limit, the next start taken from what came
 * back (the server caps the limit silently). A space without a key cannot be chosen and is skipped.
 */
export async function listAllDcSpaces(client: ConfluenceClient, options: { signal?: AbortSignal } = {}): Promise<SpaceChoice[]> {
  const spaces: SpaceChoice[] = [];
  for (let start = 0; ;) {
    const page = await client.getJson("/rest/api/space", { query: { start, limit: 500 }, schema: ZDcList, signal: options.signal });
    for (const raw of page.results) {
      const s = ZDcSpace.safeParse(raw);
      if (s.success) spaces.push({ id: s.data.id, key: s.data.key, name: s.data.name ?? s.data.key, type: s.data.type ?? "global" });
    }
    if (page.results.length === 0 || !page._links?.next) return spaces;
    start += page.results.length;
  }
}
