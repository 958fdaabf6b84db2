import type { RECORD_STATUSES } from "@/lib/content/schemas";

/** How All Records, the record detail and Search word types, statuses and dates. */

export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const TYPE_LABELS: Record<string, string> = {
  page: "Page",
  blogpost: "Blog post",
  comment: "Comment",
  footer_comment: "Footer comment",
  inline_comment: "Inline comment",
  attachment: "Attachment",
  folder: "Folder",
};

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;

export const STATUS_LABELS: Record<RecordStatus, string> = {
  synced: "Synced",
  indexed: "Indexed",
  failed: "Failed",
  skipped: "Skipped",
};

export const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : "—");
export const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function fileSize(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
