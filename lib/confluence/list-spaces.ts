import type { ConfluenceClient } from "./client";
import { ZSpace } from "./schemas";

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
