import { NotFoundError, ZSpacePermission, ZSpaceRoleAssignment } from "../confluence";
import type { Prisma } from "../generated/prisma/client";
import type { Checkpoint } from "./checkpoint";
import { commitPage, type ItemFailure } from "./commit-page";
import { fetchOnePage } from "./fetch-one-page";
import { parseEach } from "./permissions-people";
import type { PermissionsWalk } from "./permissions-walk";
import type { StepContext } from "./step-context";

type Walk = PermissionsWalk;
type Grant = { principalType: "user" | "group" | "anonymous" | "licensed"; principalId: string; viaRole: string };

/**
 * Access classes a space role can be assigned to (the v2 spec's list): everyone, or every
 * signed-in licensed Atlassian account (stored as principal "licensed", the class as its id).
 * Product and JSM project admins cannot be told apart here, so they get no grant (fail closed).
 */
const ANONYMOUS_CLASSES = new Set(["anonymous-users", "ANONYMOUS_ACCESS"]);
const LICENSED_CLASSES = new Set(["authenticated-users", "all-licensed-users"]);

/** Cloud reports anonymous access as a grant to the role `ANONYMOUS`; a role holder of class `ANONYMOUS_ACCESS` is anonymous too. */
const ANONYMOUS_ROLE = "ANONYMOUS";

/**
 * One page of a space's permissions (`/wiki/api/v2/spaces/{id}/permissions`, 250 a page).
 * Only `read` on target `space` decides viewing. Grants to a role wait for the role's holders
 * (the `roles` stage); the first page replaces the space's stored grants.
 */
export async function readGrantsPage(ctx: StepContext, walk: Walk): Promise<void> {
  const spaceId = ctx.checkpoint.spaceIds[walk.spaceIndex];
  if (spaceId === undefined) return finishGrants(ctx, walk);
  const first = ctx.checkpoint.cursor === null;
  const failures: ItemFailure[] = [];
  let page = { results: [] as unknown[], nextCursor: null as string | null };
  try {
    page = await fetchOnePage(ctx.client, `/wiki/api/v2/spaces/${spaceId}/permissions`, { limit: 250 }, ctx.checkpoint.cursor);
  } catch (err) {
    // A space gone (or no longer visible to the sync account) since it was listed: nobody reads it through us.
    if (!(err instanceof NotFoundError)) throw err;
  }
  const grants: Grant[] = [];
  const roleIds = new Set(first ? [] : walk.roleIds);
  for (const p of parseEach(page.results, ZSpacePermission, failures, "space permission")) {
    if (p.operation.key !== "read" || p.operation.targetType !== "space") continue;
    const type = p.principal.type.toLowerCase();
    if (type === "user" || type === "group") grants.push({ principalType: type, principalId: p.principal.id, viaRole: "" });
    else if (type === "role" && p.principal.id === ANONYMOUS_ROLE) grants.push({ principalType: "anonymous", principalId: "", viaRole: "" });
    else if (type === "role") roleIds.add(p.principal.id);
  }
  const nextWalk: Walk = { ...walk, roleIds: [...roleIds] };
  const next: Checkpoint = page.nextCursor
    ? { ...ctx.checkpoint, cursor: page.nextCursor, state: nextWalk }
    : roleIds.size
      ? { ...ctx.checkpoint, cursor: null, state: { ...nextWalk, stage: "roles" } }
      : { ...ctx.checkpoint, cursor: null, state: { ...nextWalk, spaceIndex: walk.spaceIndex + 1, roleIds: [] } };
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next,
    extra: async (tx) => {
      if (first) {
        // The first space also clears grants of spaces no longer in scope.
        if (walk.spaceIndex === 0) await tx.spaceReadGrant.deleteMany({ where: { connectorId: ctx.connectorId, spaceId: { notIn: ctx.checkpoint.spaceIds } } });
        await tx.spaceReadGrant.deleteMany({ where: { connectorId: ctx.connectorId, spaceId } });
      }
      await writeGrants(tx, ctx.connectorId, spaceId, grants);
    },
  });
}

/** One page of the space's role holders: each holder of a role granted read gets that grant, marked with the role. */
export async function readRoleHoldersPage(ctx: StepContext, walk: Walk): Promise<void> {
  const spaceId = ctx.checkpoint.spaceIds[walk.spaceIndex]!;
  const failures: ItemFailure[] = [];
  let page = { results: [] as unknown[], nextCursor: null as string | null };
  try {
    page = await fetchOnePage(ctx.client, `/wiki/api/v2/spaces/${spaceId}/role-assignments`, { limit: 250 }, ctx.checkpoint.cursor);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  const roles = new Set(walk.roleIds);
  const grants: Grant[] = [];
  for (const a of parseEach(page.results, ZSpaceRoleAssignment, failures, "role assignment")) {
    if (!roles.has(a.roleId)) continue;
    const type = a.principal.principalType.toUpperCase();
    if (type === "USER") grants.push({ principalType: "user", principalId: a.principal.principalId, viaRole: a.roleId });
    else if (type === "GROUP") grants.push({ principalType: "group", principalId: a.principal.principalId, viaRole: a.roleId });
    else if (type === "ACCESS_CLASS" && ANONYMOUS_CLASSES.has(a.principal.principalId))
      grants.push({ principalType: "anonymous", principalId: "", viaRole: a.roleId });
    else if (type === "ACCESS_CLASS" && LICENSED_CLASSES.has(a.principal.principalId))
      grants.push({ principalType: "licensed", principalId: a.principal.principalId, viaRole: a.roleId });
  }
  const next: Checkpoint = page.nextCursor
    ? { ...ctx.checkpoint, cursor: page.nextCursor }
    : { ...ctx.checkpoint, cursor: null, state: { ...walk, stage: "grants", spaceIndex: walk.spaceIndex + 1, roleIds: [] } };
  await commitPage(ctx, { phase: "permissions", failures, next, extra: (tx) => writeGrants(tx, ctx.connectorId, spaceId, grants) });
}

async function writeGrants(tx: Prisma.TransactionClient, connectorId: string, spaceId: string, grants: Grant[]): Promise<void> {
  if (grants.length) await tx.spaceReadGrant.createMany({ data: grants.map((g) => ({ connectorId, spaceId, ...g })), skipDuplicates: true });
}

function finishGrants(ctx: StepContext, walk: Walk): Promise<void> {
  return commitPage(ctx, { phase: "permissions", next: { ...ctx.checkpoint, cursor: null, state: { ...walk, stage: "restrictions" } } });
}
