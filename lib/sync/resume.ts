import { END_STEP, initialCheckpoint, ZCheckpoint, type Checkpoint } from "./checkpoint";

/**
 * Plans of the engine before checkpoints named their step, by position, so an old numeric
 * checkpoint still resumes at the step it meant after the deploy that inserted new steps.
 */
const LEGACY_PLANS: Record<"full" | "incremental", string[]> = {
  full: ["spaces", "estimate", "pages", "blogposts", "labels", "footer_comments", "inline_comments", "attachments", "downloads", "reconcile"],
  incremental: ["spaces", "pages", "blogposts", "footer_comments", "inline_comments", "attachments", "downloads"],
};
/** Old per-space steps listed one space at a time; their cursors do not fit a batch of spaces. */
const LEGACY_PER_SPACE = new Set(["pages", "blogposts"]);

/**
 * Where a run resumes under the current plan (`names`, in order). A checkpoint names its step;
 * the stored index only matters for old checkpoints. A step the plan no longer has restarts the
 * run from its first step: every step is idempotent, so the end state is still the site's.
 */
export function resumeCheckpoint(raw: unknown, names: string[], kind: "full" | "incremental"): Checkpoint {
  if (!raw) return initialCheckpoint();
  const { labels, permissions, ...parsed } = ZCheckpoint.parse(raw);
  // Checkpoints written before steps kept their walk in `state` named it after the step.
  const cp: Checkpoint = { ...parsed, state: parsed.state ?? labels ?? permissions ?? null };
  const restart = () => initialCheckpoint(cp.since);
  if (cp.step !== undefined) {
    if (cp.step === END_STEP) return { ...cp, stepIndex: names.length };
    const index = names.indexOf(cp.step);
    return index === -1 ? restart() : { ...cp, stepIndex: index };
  }
  const legacy = LEGACY_PLANS[kind];
  if (cp.stepIndex >= legacy.length) {
    // The old plan was done: go on with whatever the new plan has after its last old step.
    const last = names.indexOf(legacy[legacy.length - 1]!);
    return last === -1 ? restart() : { ...cp, stepIndex: last + 1, spaceIndex: 0, cursor: null };
  }
  const name = legacy[cp.stepIndex]!;
  const index = names.indexOf(name);
  if (index === -1) return restart();
  return LEGACY_PER_SPACE.has(name) ? { ...cp, step: name, stepIndex: index, cursor: null } : { ...cp, step: name, stepIndex: index };
}

/** The name a checkpoint stores for its position in the plan. */
export const stepNameAt = (names: string[], index: number): string => names[index] ?? END_STEP;
