import { z } from "zod";

/**
 * What "Configure Records" saves: the sync schedule, the sync filters (applied at the
 * source: excluded data is never downloaded) and the indexing toggles. Shared by the form
 * and the API. Safe to import from client components.
 */

const ZContentId = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, "Use numeric Confluence ids, such as 123456.");

const ZIsoDate = z.iso.date({ error: "Use a date like 2024-05-31." });

export const ZDateFilter = z
  .object({
    operator: z.enum(["after", "before", "between"], { error: "Choose Is After, Is Before or Is Between." }),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.operator === "after" || f.operator === "between") && !f.from) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the start date." });
    }
    if ((f.operator === "before" || f.operator === "between") && !f.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the end date." });
    }
    if (f.operator === "between" && f.from && f.to && f.from > f.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date." });
    }
  });
export type DateFilter = z.infer<typeof ZDateFilter>;

export const ZConnectorConfig = z.object({
  sync: z.object({
    strategy: z.enum(["scheduled", "manual"], { error: "Choose Scheduled or Manual." }).default("scheduled"),
    intervalMinutes: z.coerce
      .number({ error: "Enter the interval in minutes." })
      .int("Use whole minutes.")
      .min(5, "Sync at most every 5 minutes.")
      .max(10_080, "Sync at least once a week (10080 minutes).")
      .default(60),
  }),
  // Group memberships are read by every run; this starts a light incremental run when none ran
  // for this long, so a person removed from a group loses access within it. 0: only with runs.
  permissions: z
    .object({
      membershipRefreshMinutes: z.coerce
        .number({ error: "Enter the interval in minutes." })
        .int("Use whole minutes.")
        .min(0, "Use 0 to refresh memberships only with syncs.")
        .max(10_080, "Refresh memberships at least once a week (10080 minutes), or use 0.")
        .default(60),
    })
    .default({ membershipRefreshMinutes: 60 }),
  filters: z.object({
    spaces: z
      .object({
        operator: z.enum(["in", "not_in"], { error: "Choose In or Not In." }),
        // Space keys are case-sensitive in Confluence (personal spaces start with ~).
        keys: z.array(z.string().trim().min(1)).max(1000),
      })
      .nullable()
      .default(null),
    pageIds: z.array(ZContentId).max(1000).default([]),
    blogPostIds: z.array(ZContentId).max(1000).default([]),
    modified: ZDateFilter.nullable().default(null),
    created: ZDateFilter.nullable().default(null),
  }),
  indexing: z.object({
    pages: z.boolean().default(true),
    pageAttachments: z.boolean().default(true),
    pageComments: z.boolean().default(true),
    blogPosts: z.boolean().default(true),
    blogPostAttachments: z.boolean().default(true),
    blogPostComments: z.boolean().default(true),
    manualIndexing: z.boolean().default(false),
    // OCR of images and scanned PDFs is slow (seconds per file), so it is opt-in per instance.
    useOcr: z.boolean().default(false),
  }),
});
export type ConnectorConfig = z.infer<typeof ZConnectorConfig>;

export const DEFAULT_CONNECTOR_CONFIG: ConnectorConfig = ZConnectorConfig.parse({ sync: {}, permissions: {}, filters: {}, indexing: {} });
