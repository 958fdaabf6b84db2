import { downloadStep } from "./download-step";
import { estimateStep } from "./estimate-step";
import { keepBlogPosts, keepChildrenOfSynced, keepPages } from "./filters";
import { labelsStep } from "./labels-step";
import { listingStep } from "./listing-step";
import { mapAttachment, mapBlogPost, mapComment, mapPage } from "./map-items";
import { reconcileStep } from "./reconcile-step";
import { spacesStep } from "./spaces-step";
import type { StepContext, SyncStep } from "./step-context";

/**
 * The steps of a run, in order. Lists use the largest page size (250) and ask for storage
 * bodies in the same call, so a full sync makes close to the minimum number of requests.
 * Incremental runs list newest-first (trashed items included, to remove them) and stop at the
 * checkpoint (`since`); purges that leave no trace wait for the full reconciliation.
 */
export function planSteps(kind: "full" | "incremental"): SyncStep[] {
  const incremental = kind === "incremental";
  const recent = (ctx: StepContext) => (incremental ? { sort: "-modified-date" } : {});
  const withBody = (ctx: StepContext) => ({ limit: 250, "body-format": "storage", ...recent(ctx) });
  // Incremental runs list trashed pages and blog posts in the same newest-first walk, to remove them.
  // Blog posts cannot be archived, and the API refuses that status for them.
  const contentQuery = (statuses: string[]) => (ctx: StepContext) => ({ ...withBody(ctx), ...(incremental ? { status: statuses } : {}) });
  return [
    spacesStep,
    ...(incremental ? [] : [estimateStep]),
    listingStep({ name: "pages", phase: "fetching_content", type: "page", path: "/wiki/api/v2/pages", perSpace: true, query: contentQuery(["current", "archived", "trashed"]), map: mapPage, keep: keepPages, newestFirst: incremental, removeStatuses: ["trashed"] }),
    listingStep({ name: "blogposts", phase: "fetching_content", type: "blogpost", path: "/wiki/api/v2/blogposts", perSpace: true, query: contentQuery(["current", "trashed"]), map: mapBlogPost, keep: keepBlogPosts, newestFirst: incremental, removeStatuses: ["trashed"] }),
    // Labels change without a new version, so every run walks them (after pages and blog posts exist).
    // Labels change without a new page version, so only a full walk finds them all; it costs
    // about one request per label, too many for every incremental run (full runs are daily).
    ...(incremental ? [] : [labelsStep]),
    listingStep({ name: "footer_comments", phase: "fetching_content", type: "footer_comment", path: "/wiki/api/v2/footer-comments", perSpace: false, query: withBody, map: (raw, site) => mapComment(raw, site, "footer_comment"), keep: keepChildrenOfSynced, newestFirst: incremental }),
    listingStep({ name: "inline_comments", phase: "fetching_content", type: "inline_comment", path: "/wiki/api/v2/inline-comments", perSpace: false, query: withBody, map: (raw, site) => mapComment(raw, site, "inline_comment"), keep: keepChildrenOfSynced, newestFirst: incremental }),
    listingStep({ name: "attachments", phase: "listing", type: "attachment", path: "/wiki/api/v2/attachments", perSpace: false, query: (ctx) => ({ limit: 250, ...recent(ctx) }), map: mapAttachment, keep: keepChildrenOfSynced, newestFirst: incremental }),
    downloadStep,
    ...(incremental ? [] : [reconcileStep]),
  ];
}
