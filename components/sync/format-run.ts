/** How the dashboard words times, durations and rates. */

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function duration(ms: number | null): string {
  if (ms === null) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export const rate = (value: number | null, unit: string) => (value === null ? "—" : `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`);

export const ITEM_LABELS: Record<string, string> = {
  space: "Spaces",
  folder: "Folders",
  page: "Pages",
  blogpost: "Blog posts",
  footer_comment: "Footer comments",
  inline_comment: "Inline comments",
  attachment: "Attachments",
  label: "Labels",
  permission: "Permissions",
};

export const PHASE_LABELS: Record<string, string> = {
  discovering_spaces: "Discovering spaces",
  listing: "Listing attachments",
  fetching_content: "Fetching content",
  downloading_attachments: "Downloading attachments",
  reconciling: "Reconciling",
  permissions: "Permissions",
  indexing: "Indexing",
};

export const KIND_LABELS = { full: "Full", incremental: "Incremental" } as const;
