import type { Checkpoint } from "./checkpoint";

/** The checkpoint after a list page: the next page, the next space, or the next step. */
export function advance(cp: Checkpoint, options: { nextCursor: string | null; perSpace: boolean; stop?: boolean }): Checkpoint {
  if (options.nextCursor && !options.stop) return { ...cp, cursor: options.nextCursor };
  if (options.perSpace && cp.spaceIndex + 1 < cp.spaceIds.length) return { ...cp, spaceIndex: cp.spaceIndex + 1, cursor: null };
  return nextStep(cp);
}

export function nextStep(cp: Checkpoint): Checkpoint {
  return { ...cp, stepIndex: cp.stepIndex + 1, spaceIndex: 0, cursor: null };
}
