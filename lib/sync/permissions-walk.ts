import { z } from "zod";

/** The permissions step's walk, kept in the checkpoint's step state (lib/sync/permissions-step.ts). */
export const ZPermissionsWalk = z.object({
  stage: z.enum(["groups", "members", "grants", "roles", "restrictions"]),
  /** v1 start/limit lists (groups, members): the offset of the next page. */
  start: z.number().int().min(0).default(0),
  /** The group whose members are being read. */
  groupId: z.string().nullable().default(null),
  /** Index into `spaceIds` of the space whose grants (or role holders) are being read. */
  spaceIndex: z.number().int().min(0).default(0),
  /** Roles granted read on that space, whose holders are read next. */
  roleIds: z.array(z.string()).default([]),
  /**
   * Incremental runs also re-read the restrictions read longest ago, read at or before this
   * time (ISO), since Confluence changes no version when a restriction changes. Fixed when
   * the restriction stage starts; null when there is nothing to re-read.
   */
  recheckBefore: z.string().nullable().optional(),
  /** The nodes to read are listed (restrictions_to_read); set by the stage's first commit. */
  nodesListed: z.boolean().optional(),
});
export type PermissionsWalk = z.infer<typeof ZPermissionsWalk>;
