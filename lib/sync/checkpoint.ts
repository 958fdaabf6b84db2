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
  /** The labels step's nested walk (lib/sync/labels-step.ts); null until that step starts. */
  labels: z
    .object({
      /** Item types updated by walking each label's content list, fixed when the step starts. */
      types: z.array(z.enum(["page", "blogpost"])),
      /** Item types with fewer stored items than the site has labels: asked per item, after the label walk. */
      itemTypes: z.array(z.enum(["page", "blogpost"])).default([]),
      /** The per-item walk: the last item done (ids in string order) within `itemTypes[typeIndex]`. */
      afterId: z.string().nullable().default(null),
      /** Labels of the last `/labels` page not yet walked; the head is in progress (`cursor` is the next `/labels` page). */
      queue: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Index into `types` (or `itemTypes`) of the list being walked, and that list's cursor. */
      typeIndex: z.number().int().min(0),
      itemCursor: z.string().nullable(),
    })
    .nullable()
    .default(null),
  /** The permissions step's nested walk (lib/sync/permissions-step.ts); null until that step starts. */
  permissions: z
    .object({
      stage: z.enum(["groups", "members", "grants", "roles", "restrictions"]),
      /** v1 start/limit lists (groups, members): the offset of the next page. */
      start: z.number().int().min(0).default(0),
      /** The group whose members are being read. */
      groupId: z.string().nullable().default(null),
      /** Index into `spaceIds` of the space whose grants (or role holders) are being read. */
      spaceIndex: z.number().int().min(0).default(0),
      /** Roles granted read on that space, whose holders are read next. */
      roleIds: z.array(z.string()).default([]),
      /** Restriction reads: the last node done (ids in string order). */
      afterNode: z.string().nullable().default(null),
      /**
       * Incremental runs also re-read the restrictions read longest ago, read at or before this
       * time (ISO), since Confluence changes no version when a restriction changes. Fixed when
       * the restriction stage starts; null when there is nothing to re-read.
       */
      recheckBefore: z.string().nullable().optional(),
    })
    .nullable()
    .default(null),
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
  labels: null,
  permissions: null,
  incomplete: [],
  deletion: null,
});
