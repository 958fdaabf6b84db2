import { z } from "zod";

/**
 * Query parameters of Search and All Records, shared by the pages' forms and the API.
 * Safe to import from client components.
 */
export const RECORD_TYPES = ["page", "blogpost", "comment", "attachment", "folder"] as const;
export const RECORD_STATUSES = ["synced", "indexed", "failed", "skipped"] as const;

const ZDay = z.iso.date({ error: "Use a date like 2024-05-31." });
type ModifiedRange = { modifiedFrom?: string; modifiedTo?: string };
const datesInOrder = (q: ModifiedRange) => !q.modifiedFrom || !q.modifiedTo || q.modifiedFrom <= q.modifiedTo;
const datesOutOfOrder = { path: ["modifiedTo"], message: "The end date must be on or after the start date." };

/** The modified-date filter as instants: from the start of the first day to the end of the last (UTC days). */
export function modifiedBounds(q: ModifiedRange): { from?: Date; before?: Date } {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return {
    ...(q.modifiedFrom ? { from: day(q.modifiedFrom) } : {}),
    ...(q.modifiedTo ? { before: new Date(day(q.modifiedTo).getTime() + 86_400_000) } : {}),
  };
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const ZSearchQuery = z
  .object({
    q: z.string().trim().min(1, "Type something to search for.").max(500, "Keep the search under 500 characters."),
    space: optional(z.string().trim().max(255)),
    type: optional(z.enum(RECORD_TYPES, { error: "Choose a page, blog post, comment or attachment." })),
    connector: optional(z.string().max(64)),
    modifiedFrom: optional(ZDay),
    modifiedTo: optional(ZDay),
    page: z.coerce.number().int().min(1).max(500).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    // An administrator's View as: the app user whose view to show.
    viewAs: optional(z.string().max(64)),
  })
  .refine(datesInOrder, datesOutOfOrder);
export type SearchQuery = z.infer<typeof ZSearchQuery>;

export const ZRecordsQuery = z
  .object({
    q: optional(z.string().trim().max(500)),
    connector: optional(z.string().max(64)),
    type: optional(z.enum(RECORD_TYPES, { error: "Choose a page, blog post, comment, attachment or folder." })),
    space: optional(z.string().trim().max(255)),
    status: optional(z.enum(RECORD_STATUSES, { error: "Choose synced, indexed, failed or skipped." })),
    modifiedFrom: optional(ZDay),
    modifiedTo: optional(ZDay),
    sort: z.enum(["title", "modified", "type", "status"]).default("modified"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    viewAs: optional(z.string().max(64)),
  })
  .refine(datesInOrder, datesOutOfOrder);
export type RecordsQuery = z.infer<typeof ZRecordsQuery>;

/** The record types as stored: "comment" covers both kinds of comment. */
export function storedTypes(type: (typeof RECORD_TYPES)[number]): string[] {
  return type === "comment" ? ["footer_comment", "inline_comment"] : [type];
}

/** A record's status in All Records: "synced" is stored but not (yet) in the index. */
export function recordStatus(indexStatus: string): (typeof RECORD_STATUSES)[number] {
  return indexStatus === "pending" ? "synced" : (indexStatus as (typeof RECORD_STATUSES)[number]);
}
export const storedIndexStatus = (status: (typeof RECORD_STATUSES)[number]) => (status === "synced" ? "pending" : status);

export const ZIndexSelection = z.object({
  ids: z.array(z.string().min(1)).min(1, "Select at least one record.").max(500, "Select at most 500 records at a time."),
});
