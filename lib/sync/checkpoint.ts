import { z } from "zod";

/** Where a run resumes: the step, the space within a per-space step, and the list cursor. */
export const ZCheckpoint = z.object({
  stepIndex: z.number().int().min(0),
  spaceIndex: z.number().int().min(0).default(0),
  cursor: z.string().nullable().default(null),
  /** Spaces in scope, fixed when the spaces step ends so a resumed run walks the same list. */
  spaceIds: z.array(z.string()).default([]),
  /** Incremental runs list newest-first down to this instant (last success minus an overlap). */
  since: z.string().nullable().default(null),
});
export type Checkpoint = z.infer<typeof ZCheckpoint>;

export const initialCheckpoint = (since: string | null = null): Checkpoint => ({ stepIndex: 0, spaceIndex: 0, cursor: null, spaceIds: [], since });
