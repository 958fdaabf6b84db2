import { z } from "zod";
import { dcFeatures, ForbiddenError, NotFoundError, ZDcGroup, ZDcSpacePermission, ZDcUser } from "../../confluence";
import { db } from "../../db";
import { stepState } from "../checkpoint";
import { commitPage, type ItemFailure } from "../commit-page";
import { firstGroupAfter, parseEach, storeGroups, storeMembers, upsertUsers } from "../permissions-people";
import { readRestrictionsBatch } from "../permissions-restrictions";
import type { StepContext, SyncStep } from "../step-context";
import { offsetPage } from "./list-page";
import { dcPerson, readDcNodeRestriction, withEmails } from "./people";

/**
 * Data Center permissions, mirrored into the same rows as Cloud's and evaluated by the same rule
 * (lib/permissions): groups by name with their members, every user with the email their profile
 * shows, each space's read grants (`/space/{key}/permissions`, 9.1+, administrators only), then
 * each tree node's own read restriction (shared by its descendants through their chains). People
 * are keyed by user key. When space permissions cannot be read (an older server, or an account
 * that is not an administrator) nothing grants the space: its content stays visible to this
 * app's administrators only, and each such space is a recorded failure that says why.
 */
const ZDcPermissionsWalk = z.object({
  stage: z.enum(["groups", "members", "users", "grants", "restrictions"]),
  start: z.number().int().min(0).default(0),
  group: z.string().nullable().default(null),
  spaceIndex: z.number().int().min(0).default(0),
  recheckBefore: z.string().nullable().optional(),
  nodesListed: z.boolean().optional(),
});
type Walk = z.infer<typeof ZDcPermissionsWalk>;

const PAGE = 200;
const at = (ctx: StepContext, walk: Walk) => ({ ...ctx.checkpoint, cursor: null, state: walk });

export const dcPermissionsStep: SyncStep = {
  name: "permissions",
  phase: "permissions",
  async runOnce(ctx) {
    const walk = stepState(ctx.checkpoint, ZDcPermissionsWalk) ?? { stage: "groups" as const, start: 0, group: null, spaceIndex: 0 };
    if (walk.stage === "groups") return readGroups(ctx, walk);
    if (walk.stage === "members") return readMembers(ctx, walk);
    if (walk.stage === "users") return readUsers(ctx, walk);
    if (walk.stage === "grants") return readGrants(ctx, walk);
    return readRestrictionsBatch(ctx, walk, readDcNodeRestriction);
  },
};

async function readGroups(ctx: StepContext, walk: Walk) {
  const page = await offsetPage(ctx, "/rest/api/group", { limit: PAGE }, String(walk.start));
  const failures: ItemFailure[] = [];
  const groups = parseEach(page.results, ZDcGroup, failures, "group").map((g) => ({ id: g.name, name: g.name }));
  const last = page.nextCursor === null;
  const first = last
    ? await firstGroupAfter(
        ctx,
        null,
        groups.map((g) => g.id),
      )
    : null;
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next: !last
      ? at(ctx, { ...walk, start: Number(page.nextCursor) })
      : at(ctx, first ? { ...walk, stage: "members", group: first, start: 0 } : { ...walk, stage: "users", start: 0 }),
    extra: (tx) => storeGroups(tx, ctx, groups, last),
  });
}

async function readMembers(ctx: StepContext, walk: Walk) {
  const group = walk.group!;
  const failures: ItemFailure[] = [];
  let page = { results: [] as unknown[], nextCursor: null as string | null };
  try {
    page = await offsetPage(ctx, `/rest/api/group/${encodeURIComponent(group)}/member`, { limit: PAGE }, String(walk.start));
  } catch (err) {
    // A group deleted since it was listed has no members to keep.
    if (!(err instanceof NotFoundError)) throw err;
  }
  const users = parseEach(page.results, ZDcUser, failures, "group member").map(dcPerson);
  const nextGroup = page.nextCursor === null ? await firstGroupAfter(ctx, group) : group;
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next: page.nextCursor
      ? at(ctx, { ...walk, start: Number(page.nextCursor) })
      : at(ctx, nextGroup ? { ...walk, group: nextGroup, start: 0 } : { ...walk, stage: "users", group: null, start: 0 }),
    // Member lists never carry an email on Data Center: the users stage reads them.
    extra: (tx) => storeMembers(tx, ctx, group, users, { first: walk.start === 0, emails: "keep" }),
  });
}

/** Every user, with the email their profile shows (none when hidden): what links a member who signs in here. */
async function readUsers(ctx: StepContext, walk: Walk) {
  const page = await offsetPage(ctx, "/rest/api/user/list", { limit: PAGE }, String(walk.start));
  const failures: ItemFailure[] = [];
  const users = await withEmails(ctx, parseEach(page.results, ZDcUser, failures, "user").map(dcPerson));
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next: page.nextCursor ? at(ctx, { ...walk, start: Number(page.nextCursor) }) : at(ctx, { ...walk, stage: "grants", start: 0, spaceIndex: 0 }),
    extra: (tx) => upsertUsers(tx, ctx.connectorId, users, "replace"),
  });
}

type Grant = { principalType: "user" | "group" | "anonymous"; principalId: string };

/** One space's read grants (an array, not paged); the first space also drops grants of spaces out of scope. */
async function readGrants(ctx: StepContext, walk: Walk) {
  const spaceId = ctx.checkpoint.spaceIds[walk.spaceIndex];
  if (spaceId === undefined) return commitPage(ctx, { phase: "permissions", next: at(ctx, { ...walk, stage: "restrictions" }) });
  const space = await db().confluenceSpace.findUnique({
    where: { connectorId_confluenceId: { connectorId: ctx.connectorId, confluenceId: spaceId } },
    select: { key: true },
  });
  const failures: ItemFailure[] = [];
  const grants: Grant[] = [];
  const version = ctx.site.deployment === "datacenter" ? ctx.site.version : null;
  const unreadable = (reason: string) =>
    failures.push({
      itemType: "permission",
      confluenceId: spaceId,
      reason: `space ${space?.key ?? spaceId}: its permissions were not read (${reason}); its content is synced with its restrictions and visible to this app's administrators only`,
    });
  if (!space) unreadable("the space is no longer stored");
  else if (!dcFeatures(version).spacePermissions)
    unreadable(`Confluence ${version ?? "of an unknown version"} has no REST endpoint for space permissions; 9.1 and later do`);
  else {
    try {
      const list = await ctx.client.getJson(`/rest/api/space/${encodeURIComponent(space.key)}/permissions`, { schema: z.array(z.unknown()) });
      for (const p of parseEach(list, ZDcSpacePermission, failures, "space permission")) {
        if (p.operation.operationKey !== "read" || p.operation.targetType !== "space") continue;
        const type = p.subject.type.toLowerCase();
        if (type === "group" && p.subject.name) grants.push({ principalType: "group", principalId: p.subject.name });
        else if (type === "user" && p.subject.userKey) grants.push({ principalType: "user", principalId: p.subject.userKey });
        else if (type === "anonymous") grants.push({ principalType: "anonymous", principalId: "" });
      }
    } catch (err) {
      if (err instanceof ForbiddenError) unreadable("only Confluence administrators may read them, and the sync account is not one");
      else if (err instanceof NotFoundError) unreadable("the space is gone or no longer visible to the sync account");
      else throw err;
    }
  }
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next: at(ctx, { ...walk, spaceIndex: walk.spaceIndex + 1 }),
    extra: async (tx) => {
      if (walk.spaceIndex === 0) await tx.spaceReadGrant.deleteMany({ where: { connectorId: ctx.connectorId, spaceId: { notIn: ctx.checkpoint.spaceIds } } });
      await tx.spaceReadGrant.deleteMany({ where: { connectorId: ctx.connectorId, spaceId } });
      if (grants.length) {
        await tx.spaceReadGrant.createMany({ data: grants.map((g) => ({ connectorId: ctx.connectorId, spaceId, viaRole: "", ...g })), skipDuplicates: true });
      }
    },
  });
}
