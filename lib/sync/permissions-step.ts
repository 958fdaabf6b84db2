import { readGrantsPage, readRoleHoldersPage } from "./permissions-grants";
import { readGroupsPage, readMembersPage } from "./permissions-people";
import { readRestrictionsBatch } from "./permissions-restrictions";
import { stepState } from "./checkpoint";
import { ZPermissionsWalk } from "./permissions-walk";
import type { SyncStep } from "./step-context";

/**
 * Mirrors who may see what (lib/permissions evaluates it): groups by id with their members,
 * each space's read grants (roles expanded to their holders), then the read restriction of
 * every tree node, each read once per run and shared by all its descendants through their
 * ancestor chains. Each call does one bounded unit and commits it with the nested checkpoint.
 */
export const permissionsStep: SyncStep = {
  name: "permissions",
  phase: "permissions",
  async runOnce(ctx) {
    const walk = stepState(ctx.checkpoint, ZPermissionsWalk) ?? {
      stage: "groups" as const,
      start: 0,
      groupId: null,
      spaceIndex: 0,
      roleIds: [],
    };
    if (walk.stage === "groups") return readGroupsPage(ctx, walk);
    if (walk.stage === "members") return readMembersPage(ctx, walk);
    if (walk.stage === "grants") return readGrantsPage(ctx, walk);
    if (walk.stage === "roles") return readRoleHoldersPage(ctx, walk);
    return readRestrictionsBatch(ctx, walk);
  },
};
