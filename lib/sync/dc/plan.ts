import { finishTree } from "../ancestors-step";
import { downloadStep } from "../download-step";
import { indexStep } from "../index-step";
import { reconcileStep } from "../reconcile-step";
import { alongsideIndexing, type SyncStep } from "../step-context";
import { dcPermissionsStep } from "./permissions-step";
import { dcAttachmentsStep, dcBlogPostsStep, dcCommentsStep, dcPagesStep } from "./content-steps";
import { dcSpacesStep } from "./spaces-step";

/** Data Center listings carry each page's whole chain, so the tree needs no request: one derive. */
const dcTreeStep: SyncStep = { name: "ancestors", phase: "fetching_content", runOnce: finishTree };

/**
 * The Data Center source: which endpoints, in which order (docs/decisions/016-data-center.md).
 * The engine's steps (downloads, reconciliation, indexing) are the same as Cloud's; labels come
 * with the pages, and there are no folders.
 */
export function planDataCenterSteps(kind: "full" | "incremental", accessStrategy: "mirror" | "audience" = "mirror"): SyncStep[] {
  return [
    dcSpacesStep,
    dcPagesStep,
    dcBlogPostsStep,
    dcTreeStep,
    alongsideIndexing("documents", dcCommentsStep),
    alongsideIndexing("documents", dcAttachmentsStep),
    ...(kind === "full" ? [reconcileStep] : []),
    // After reconciliation (the tree is final): who may see each item; audience rules need none
    // of it. Files download beside its restriction reads; the downloads step does the rest.
    ...(accessStrategy === "audience" ? [] : [alongsideIndexing("all", dcPermissionsStep)]),
    alongsideIndexing("all", downloadStep),
    indexStep,
  ];
}
