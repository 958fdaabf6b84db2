/**
 * What a run counts, per item type; stored as JSON on the run and shown on the dashboard.
 * `label` counts labels listed and label failures (a bad label is not a failed page);
 * `permission` counts read restrictions read (`fetched`) and those that could not be (`failed`).
 */
export const ITEM_TYPES = ["space", "folder", "page", "blogpost", "footer_comment", "inline_comment", "attachment", "label", "permission"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface TypeCounters {
  discovered: number;
  fetched: number;
  unchanged: number;
  failed: number;
  deleted: number;
  downloaded: number;
  /** Attachment files not downloaded by choice: over the download limit (listed with the run's errors). */
  skipped: number;
  /**
   * What the run expects to go through, for the progress bars and ETA; 0 when unknown. Full runs:
   * what the site says it holds in scope (a count query). Incremental runs: what recent incremental
   * runs listed (lib/sync/expected-counts.ts).
   */
  expected: number;
  /** The indexing stage: documents converted to Markdown (or attachment text extracted), written to the index, failed, skipped. */
  converted: number;
  indexed: number;
  indexFailed: number;
  indexSkipped: number;
}

export type RunCounters = Record<ItemType, TypeCounters>;

export function emptyCounters(): RunCounters {
  return Object.fromEntries(
    ITEM_TYPES.map((t) => [
      t,
      {
        discovered: 0,
        fetched: 0,
        unchanged: 0,
        failed: 0,
        deleted: 0,
        downloaded: 0,
        skipped: 0,
        expected: 0,
        converted: 0,
        indexed: 0,
        indexFailed: 0,
        indexSkipped: 0,
      },
    ]),
  ) as RunCounters;
}

export function parseCounters(value: unknown): RunCounters {
  const base = emptyCounters();
  if (value && typeof value === "object") {
    for (const type of ITEM_TYPES) Object.assign(base[type], (value as Record<string, object>)[type] ?? {});
  }
  return base;
}
