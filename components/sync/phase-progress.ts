import { isActive, type RunView } from "./types";
import { PHASE_LABELS } from "./format-run";

export interface PhaseProgress {
  phase: string;
  label: string;
  /** "current" can hold for more than one phase at once: downloads and indexing run beside the walk's later steps. */
  state: "done" | "current" | "pending";
  /** 0..1, or null when the total is not known yet (the bar is then indeterminate). */
  fraction: number | null;
  detail: string;
}

const CONTENT_TYPES = ["page", "blogpost", "footer_comment", "inline_comment"] as const;

/**
 * One entry per phase of the run, in the engine's order. Full runs know roughly how many pages
 * and blog posts to expect (a count query at the start); downloads know the attachments listed
 * before them; other listings have no total until they end.
 */
export function phaseProgress(run: RunView): PhaseProgress[] {
  const c = run.counters;
  const index =
    run.status === "completed" || run.status === "completed_with_errors"
      ? run.phases.length
      : run.phase === null
        ? run.status === "queued"
          ? -1
          : 0
        : indexOf(run);
  const content = CONTENT_TYPES.reduce(
    (acc, t) => ({ discovered: acc.discovered + c[t].discovered, done: acc.done + c[t].fetched + c[t].unchanged + c[t].failed }),
    { discovered: 0, done: 0 },
  );
  return run.phases.map((phase, i) => {
    const state = i < index ? "done" : i === index ? "current" : "pending";
    let fraction: number | null = null;
    let detail = "";
    if (phase === "discovering_spaces") detail = `${c.space.fetched} spaces`;
    if (phase === "fetching_content") {
      detail = `${content.done} item${content.done === 1 ? "" : "s"}`;
      // Full runs count the site's pages and blog posts first, which gives this phase a total.
      const expected = c.page.expected + c.blogpost.expected;
      const pagesDone = c.page.fetched + c.page.unchanged + c.page.failed + c.blogpost.fetched + c.blogpost.unchanged + c.blogpost.failed;
      if (expected > 0) {
        fraction = Math.min(1, pagesDone / expected);
        detail = `${pagesDone} of about ${expected} pages and blog posts; ${content.done} items in all`;
      } else if (content.discovered > content.done) fraction = content.done / content.discovered;
    }
    if (phase === "listing") detail = `${c.attachment.discovered} attachments`;
    if (phase === "downloading_attachments") {
      detail = `${c.attachment.downloaded} of ${c.attachment.discovered} downloaded${c.attachment.skipped ? `, ${c.attachment.skipped} skipped (too large)` : ""}`;
      if (c.attachment.discovered > 0) fraction = Math.min(1, c.attachment.downloaded / c.attachment.discovered);
      // Files download beside the restriction reads: the bar moves before its phase comes.
      if (state === "pending" && isActive(run) && c.attachment.downloaded + c.attachment.skipped > 0)
        return { phase, label: PHASE_LABELS[phase] ?? phase, state: "current" as const, fraction, detail: `${detail}, beside the permission reads` };
    }
    if (phase === "reconciling") {
      const deleted = Object.values(c).reduce((sum, t) => sum + t.deleted, 0);
      detail = `${deleted} removed`;
    }
    if (phase === "permissions") {
      detail = `${c.permission.fetched} restrictions read, ${c.permission.failed} unreadable (visible to administrators only)`;
      // The nodes to read are listed when the restriction stage starts.
      if (c.permission.discovered > 0) fraction = Math.min(1, (c.permission.fetched + c.permission.failed) / c.permission.discovered);
    }
    if (phase === "indexing") {
      // Indexing works through whatever is pending (this run's items and any left before), so it has no total up front.
      const t = Object.values(c).reduce(
        (acc, x) => ({ indexed: acc.indexed + x.indexed, failed: acc.failed + x.indexFailed, skipped: acc.skipped + x.indexSkipped }),
        { indexed: 0, failed: 0, skipped: 0 },
      );
      detail = `${t.indexed} indexed, ${t.failed} failed, ${t.skipped} skipped`;
      // Documents are indexed while the walk goes on: the bar moves before its phase comes.
      const soFar = t.indexed + t.failed + t.skipped;
      if (state === "pending" && isActive(run) && soFar > 0)
        return { phase, label: PHASE_LABELS[phase] ?? phase, state: "current" as const, fraction: null, detail: `${soFar} indexed so far, beside the walk` };
    }
    if (state === "done") fraction = 1;
    if (state === "pending") {
      fraction = 0;
      detail = "";
    }
    return { phase, label: PHASE_LABELS[phase] ?? phase, state, fraction, detail };
  });
}

/** "done" (or any phase the engine no longer has) counts as past the last phase. */
function indexOf(run: RunView): number {
  const i = run.phases.indexOf(run.phase as RunView["phases"][number]);
  return i === -1 ? run.phases.length : i;
}
