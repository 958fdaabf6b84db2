import { ancestorsStep } from "./ancestors-step";
import { downloadStep } from "./download-step";
import { estimateStep } from "./estimate-step";
import { blogPostsNeedTwoPasses, keepBlogPosts, keepChildrenOfSynced, keepPages, MAX_ID_PARAM, pagesNeedTwoPasses } from "./filters";
import { foldersStep } from "./folders-step";
import { indexStep } from "./index-step";
import { labelsStep } from "./labels-step";
import { listingStep } from "./listing-step";
import { mapAttachment, mapBlogPost, mapComment, mapPage } from "./map-items";
import { permissionsStep } from "./permissions-step";
import { reconcileStep } from "./reconcile-step";
import { spacesStep } from "./spaces-step";
import { alongsideIndexing, type StepContext, type SyncStep } from "./step-context";

/**
 * The steps of a run, in order; checkpoints name them, so names are unique and stable. Lists use
 * the largest page size (250), take up to 100 spaces per request, and carry storage bodies in
 * the same call unless page-level filters apply (then bodies are fetched by id for what is kept).
 * Incremental runs list newest-first (trashed items included, to remove them) and stop at the
 * checkpoint (`since`); purges that leave no trace wait for the full reconciliation.
 * A connector whose access strategy is "audience" skips the permissions step: its audience rules
 * decide, so no Confluence permission is read.
 */
export function planSteps(kind: "full" | "incremental", accessStrategy: "mirror" | "audience" = "mirror"): SyncStep[] {
  const incremental = kind === "incremental";
  const recent = incremental ? { sort: "-modified-date" } : {};
  const list = { limit: 250, ...recent };
  const inline = () => "inline" as const;
  // Incremental runs list trashed pages and blog posts in the same newest-first walk, to remove them.
  // Blog posts cannot be archived, and the API refuses that status for them.
  const statuses = (values: string[]) => (incremental ? { status: values } : {});
  const blogPostIds = (ctx: StepContext) => {
    const ids = ctx.config.filters.blogPostIds;
    return ids.length > 0 && ids.length <= MAX_ID_PARAM ? { id: ids } : {};
  };
  return [
    spacesStep,
    ...(incremental ? [] : [estimateStep]),
    // Folders first: deciding a page's place in the Page IDs trees may need its parent folder.
    foldersStep,
    listingStep({
      name: "pages",
      phase: "fetching_content",
      type: "page",
      path: "/wiki/api/v2/pages",
      perSpace: true,
      query: () => ({ ...list, ...statuses(["current", "archived", "trashed"]) }),
      bodies: (ctx) => (pagesNeedTwoPasses(ctx) ? "by-id" : "inline"),
      map: mapPage,
      keep: keepPages,
      newestFirst: incremental,
      removeStatuses: ["trashed"],
    }),
    listingStep({
      name: "blogposts",
      phase: "fetching_content",
      type: "blogpost",
      path: "/wiki/api/v2/blogposts",
      perSpace: true,
      query: (ctx) => ({ ...list, ...statuses(["current", "trashed"]), ...blogPostIds(ctx) }),
      bodies: (ctx) => (blogPostsNeedTwoPasses(ctx) ? "by-id" : "inline"),
      map: mapBlogPost,
      keep: keepBlogPosts,
      newestFirst: incremental,
      removeStatuses: ["trashed"],
    }),
    // After pages and folders: chains from the stored parents, and moved subtrees follow their root.
    ancestorsStep,
    // Labels change without a new page version, so only a full walk finds them all; it costs
    // about one request per label, too many for every incremental run (full runs are daily).
    ...(incremental ? [] : [labelsStep]),
    alongsideIndexing(
      "documents",
      listingStep({
        name: "footer_comments",
        phase: "fetching_content",
        type: "footer_comment",
        path: "/wiki/api/v2/footer-comments",
        perSpace: false,
        query: () => list,
        bodies: inline,
        map: (raw, site) => mapComment(raw, site, "footer_comment"),
        keep: keepChildrenOfSynced,
        newestFirst: incremental,
      }),
    ),
    alongsideIndexing(
      "documents",
      listingStep({
        name: "inline_comments",
        phase: "fetching_content",
        type: "inline_comment",
        path: "/wiki/api/v2/inline-comments",
        perSpace: false,
        query: () => list,
        bodies: inline,
        map: (raw, site) => mapComment(raw, site, "inline_comment"),
        keep: keepChildrenOfSynced,
        newestFirst: incremental,
      }),
    ),
    alongsideIndexing(
      "documents",
      listingStep({
        name: "attachments",
        phase: "listing",
        type: "attachment",
        path: "/wiki/api/v2/attachments",
        perSpace: false,
        query: () => list,
        bodies: () => "none",
        map: mapAttachment,
        keep: keepChildrenOfSynced,
        newestFirst: incremental,
      }),
    ),
    ...(incremental ? [] : [reconcileStep]),
    // After reconciliation (the tree is final) and before indexing: who may see each item. Files
    // download beside its restriction reads; the indexer leaves their attachments until they come.
    ...(accessStrategy === "audience" ? [] : [alongsideIndexing("all", permissionsStep)]),
    // Whatever files are left (all of them when no permissions are read).
    alongsideIndexing("all", downloadStep),
    // Last (name "indexing"): works from the store only, so a run's records are complete before they are indexed.
    indexStep,
  ];
}
