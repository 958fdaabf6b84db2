import type { Checkpoint } from "./checkpoint";
import { ITEM_TYPES, type ItemType, type RunCounters } from "./counters";
import { typesNotReconciled } from "./reconcile-step";

const NOUNS: Record<ItemType, [string, string]> = {
  space: ["space", "spaces"],
  folder: ["folder", "folders"],
  page: ["page", "pages"],
  blogpost: ["blog post", "blog posts"],
  footer_comment: ["footer comment", "footer comments"],
  inline_comment: ["inline comment", "inline comments"],
  attachment: ["attachment", "attachments"],
  label: ["label", "labels"],
  permission: ["permission read", "permission reads"],
};
const noun = (type: string, n: number) => (NOUNS[type as ItemType] ?? [type, type])[n === 1 ? 0 : 1];

/**
 * What keeps a run that reached its end from being complete: failed items (their stored copies
 * were kept), listings that did not finish (their types were not reconciled), and deletions an
 * administrator chose to keep. Empty means Completed; anything else is Completed with errors.
 */
export function runProblems(counters: RunCounters, checkpoint: Checkpoint, kind: "full" | "incremental"): string[] {
  const problems: string[] = [];
  const failed = ITEM_TYPES.filter((t) => counters[t].failed > 0).map((t) => `${counters[t].failed} ${noun(t, counters[t].failed)}`);
  if (failed.length) problems.push(`${failed.join(", ")} failed (see the run's errors; stored copies were kept)`);
  const notReconciled = kind === "full" ? typesNotReconciled(checkpoint.incomplete) : [];
  if (notReconciled.length) problems.push(`not reconciled because a listing was incomplete: ${notReconciled.map((t) => noun(t, 2)).join(", ")}`);
  if (checkpoint.deletion?.decision === "keep") {
    problems.push(`kept ${checkpoint.deletion.pending.items} records Confluence no longer lists, as an administrator chose`);
  }
  return problems;
}
