import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Refetches queries after a write. `invalidateQueries` alone joins a first load still in flight
 * (a query with no data yet is not refetched, only awaited), and that load may have been answered
 * before the write: a key created while the list was loading stayed missing until a reload.
 * Cancelling first drops that answer, so the refetch sees the write.
 */
export async function refreshQueries(client: QueryClient, ...keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.cancelQueries({ queryKey })));
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
