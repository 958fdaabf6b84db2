/** What a run counts, per item type; stored as JSON on the run and shown on the dashboard. */
export const ITEM_TYPES = ["space", "page", "blogpost", "footer_comment", "inline_comment", "attachment"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface TypeCounters {
  discovered: number;
  fetched: number;
  unchanged: number;
  failed: number;
  deleted: number;
  downloaded: number;
  /** What the site says it holds in scope (a count query at the start of full runs); 0 when unknown. */
  expected: number;
}

export type RunCounters = Record<ItemType, TypeCounters>;

export function emptyCounters(): RunCounters {
  return Object.fromEntries(
    ITEM_TYPES.map((t) => [t, { discovered: 0, fetched: 0, unchanged: 0, failed: 0, deleted: 0, downloaded: 0, expected: 0 }]),
  ) as RunCounters;
}

export function parseCounters(value: unknown): RunCounters {
  const base = emptyCounters();
  if (value && typeof value === "object") {
    for (const type of ITEM_TYPES) Object.assign(base[type], (value as Record<string, object>)[type] ?? {});
  }
  return base;
}
