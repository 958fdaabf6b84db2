import { z } from "zod";

/** The `step` of a checkpoint whose run has done every step. */
export const END_STEP = "(end)";

/** Where a run resumes: the step, the space batch within a per-space step, and the list cursor. */
export const ZCheckpoint = z.object({
  /**
   * The step to run, by name: a deploy that adds or removes steps must not shift a running run
   * onto another step (lib/sync/resume.ts). Written by every commit; absent in old checkpoints.
   */
  step: z.string().min(1).optional(),
  /** The step's position in the plan of the slice that wrote it; the slice's working pointer. */
  stepIndex: z.number().int().min(0),
  /** Per-space steps: the first space of the batch being listed (`space-id` takes up to 100 ids). */
  spaceIndex: z.number().int().min(0).default(0),
  cursor: z.string().nullable().default(null),
  /** Spaces in scope, fixed when the spaces step ends so a resumed run walks the same list. */
  spaceIds: z.array(z.string()).default([]),
  /** Incremental runs list newest-first down to this instant (last success minus an overlap). */
  since: z.string().nullable().default(null),
  /**
   * The current step's own state (a nested walk), opaque to the engine: the step parses it with
   * its own schema (`stepState`), and moving to the next step clears it. Steps add state without
   * changing this schema (docs/decisions/003-sync-engine.md).
   */
  state: z.unknown().optional(),
  /** Where the labels and permissions steps kept their walks before `state`; read once on resume. */
  labels: z.unknown().optional(),
  permissions: z.unknown().optional(),
  /**
   * Item types whose listing did not finish cleanly in this run (an item failed before its id
   * could be read): reconciliation leaves their unseen records alone (lib/sync/reconcile-step.ts).
   */
  incomplete: z.array(z.string()).default([]),
  /** An administrator's answer to a reconciliation that would delete much (lib/sync/deletion-review.ts). */
  deletion: z
    .object({
      /** What reconciliation would delete, and what was stored, when the run stopped to ask. */
      pending: z.object({ items: z.number().int(), stored: z.number().int() }),
      decision: z.enum(["delete", "keep"]).nullable().default(null),
    })
    .nullable()
    .default(null),
});
export type Checkpoint = z.infer<typeof ZCheckpoint>;

export const initialCheckpoint = (since: string | null = null): Checkpoint => ({
  stepIndex: 0,
  spaceIndex: 0,
  cursor: null,
  spaceIds: [],
  since,
  state: null,
  incomplete: [],
  deletion: null,
});

/**
 * The current step's state, parsed with the step's own schema; null when the step has none yet
 * (or what is stored no longer fits it, after a deploy changed the step: it starts over, which
 * every step allows).
 */
export function stepState<T extends z.ZodType>(cp: Checkpoint, schema: T): z.infer<T> | null {
  if (cp.state === null || cp.state === undefined) return null;
  const parsed = schema.safeParse(cp.state);
  return parsed.success ? parsed.data : null;
}
