import type { Checkpoint } from "./checkpoint";

/** v2 lists take up to 100 `space-id`s, so per-space steps walk one list per 100 spaces, not one per space. */
export const SPACE_BATCH = 100;

/** The spaces of the batch a per-space step is listing. */
export const spaceBatch = (cp: Checkpoint, size = SPACE_BATCH): string[] => cp.spaceIds.slice(cp.spaceIndex, cp.spaceIndex + size);

/** The checkpoint after a list page: the next page, the next batch of spaces, or the next step. */
export function advance(cp: Checkpoint, options: { nextCursor: string | null; perSpace: boolean; stop?: boolean; batch?: number }): Checkpoint {
  const batch = options.batch ?? SPACE_BATCH;
  if (options.nextCursor && !options.stop) return { ...cp, cursor: options.nextCursor };
  if (options.perSpace && cp.spaceIndex + batch < cp.spaceIds.length) return { ...cp, spaceIndex: cp.spaceIndex + batch, cursor: null };
  return nextStep(cp);
}

/** The next step, with nothing of this one's cursor or state. */
export function nextStep(cp: Checkpoint): Checkpoint {
  return { ...cp, stepIndex: cp.stepIndex + 1, spaceIndex: 0, cursor: null, state: null };
}
