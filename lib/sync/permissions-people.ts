import { NotFoundError, ZGroup, ZV1List, ZV1User, type V1User } from "../confluence";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Checkpoint } from "./checkpoint";
import { commitPage, type ItemFailure } from "./commit-page";
import type { PermissionsWalk } from "./permissions-walk";
import type { StepContext } from "./step-context";

/** Groups and members are v1 start/limit lists; 200 is what Confluence Cloud serves per page. */
const PAGE = 200;
type Walk = PermissionsWalk;
const at = (ctx: StepContext, walk: Walk, cursor: string | null = null): Checkpoint => ({ ...ctx.checkpoint, cursor, state: walk });

/** A person as stored: Cloud's v1 user, or a Data Center user (user key as `accountId`, with a username). */
export type StoredPerson = V1User & { username?: string | null };

/**
 * Stores people as Confluence shows them, keyed by accountId (Data Center: user key): a hidden
 * email is stored as null (never guessed), a missing account status as active, a closed account
 * ("Former user") as closed. Names already stored are kept when a response carries none. With
 * `emails: "keep"` (Data Center lists that never carry one) a stored email stays.
 */
export async function upsertUsers(
  tx: Prisma.TransactionClient,
  connectorId: string,
  users: StoredPerson[],
  emails: "replace" | "keep" = "replace",
): Promise<void> {
  const unique = [...new Map(users.map((u) => [u.accountId, u])).values()];
  if (!unique.length) return;
  const keep = emails === "keep";
  await tx.$executeRaw`
    INSERT INTO confluence_users (id, connector_id, account_id, username, display_name, email, account_type, account_status, updated_at)
    SELECT gen_random_uuid()::text, ${connectorId}, u.account_id, u.username, u.display_name, NULLIF(u.email, ''), u.account_type, u.account_status, now()
    FROM unnest(${unique.map((u) => u.accountId)}::text[], ${unique.map((u) => u.username ?? null)}::text[], ${unique.map((u) => u.displayName ?? u.publicName ?? null)}::text[],
                ${unique.map((u) => u.email ?? null)}::text[], ${unique.map((u) => u.accountType ?? null)}::text[],
                ${unique.map((u) => u.accountStatus ?? "active")}::text[]) AS u(account_id, username, display_name, email, account_type, account_status)
    ON CONFLICT (connector_id, account_id) DO UPDATE SET
      username = COALESCE(EXCLUDED.username, confluence_users.username),
      display_name = COALESCE(EXCLUDED.display_name, confluence_users.display_name),
      email = CASE WHEN ${keep} THEN COALESCE(EXCLUDED.email, confluence_users.email) ELSE EXCLUDED.email END,
      account_type = COALESCE(EXCLUDED.account_type, confluence_users.account_type), account_status = EXCLUDED.account_status, updated_at = now()`;
}

/** Parses list items one by one: a malformed one is a recorded failure, never a failed page. */
export function parseEach<T>(
  results: unknown[],
  schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  failures: ItemFailure[],
  what: string,
): T[] {
  const out: T[] = [];
  for (const raw of results) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else
      failures.push({
        itemType: "permission",
        confluenceId: String((raw as { id?: unknown; accountId?: unknown })?.id ?? (raw as { accountId?: unknown })?.accountId ?? "unknown"),
        reason: `unexpected ${what} shape: ${parsed.error.issues[0]?.message}`,
      });
  }
  return out;
}

const more = (page: { results: unknown[]; size?: number | null; totalSize?: number | null; _links?: { next?: string | null } | null }, start: number) =>
  page.totalSize != null ? start + page.results.length < page.totalSize : !!page._links?.next || page.results.length >= PAGE;

/** One page of `/wiki/rest/api/group`: groups by id with their current names. The last page drops groups gone from the site. */
export async function readGroupsPage(ctx: StepContext, walk: Walk): Promise<void> {
  const page = await ctx.client.getJson("/wiki/rest/api/group", { query: { start: walk.start, limit: PAGE }, schema: ZV1List });
  const failures: ItemFailure[] = [];
  const groups = parseEach(page.results, ZGroup, failures, "group");
  const last = !more(page, walk.start) || page.results.length === 0;
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
      ? at(ctx, { ...walk, start: walk.start + page.results.length })
      : first
        ? at(ctx, { ...walk, stage: "members", groupId: first, start: 0 })
        : at(ctx, { ...walk, stage: "grants", spaceIndex: 0, start: 0 }),
    extra: (tx) => storeGroups(tx, ctx, groups, last),
  });
}

/** Stores a page of groups as seen by this run; after the last page, groups gone from the site leave with their members. */
export async function storeGroups(tx: Prisma.TransactionClient, ctx: StepContext, groups: { id: string; name: string }[], last: boolean): Promise<void> {
  for (const g of groups) {
    await tx.confluenceGroup.upsert({
      where: { connectorId_groupId: { connectorId: ctx.connectorId, groupId: g.id } },
      create: { connectorId: ctx.connectorId, groupId: g.id, name: g.name, lastSeenRunId: ctx.runId },
      update: { name: g.name, lastSeenRunId: ctx.runId },
    });
  }
  if (!last) return;
  const gone = await tx.confluenceGroup.findMany({ where: { connectorId: ctx.connectorId, NOT: { lastSeenRunId: ctx.runId } }, select: { groupId: true } });
  const ids = gone.map((g) => g.groupId);
  await tx.confluenceGroupMember.deleteMany({ where: { connectorId: ctx.connectorId, groupId: { in: ids } } });
  await tx.confluenceGroup.deleteMany({ where: { connectorId: ctx.connectorId, groupId: { in: ids } } });
}

/** The first group (id order) after `after` seen by this run, counting `pending` ids about to be written. */
export async function firstGroupAfter(ctx: StepContext, after: string | null, pending: string[] = []): Promise<string | null> {
  const row = await db().confluenceGroup.findFirst({
    where: { connectorId: ctx.connectorId, lastSeenRunId: ctx.runId, ...(after === null ? {} : { groupId: { gt: after } }) },
    orderBy: { groupId: "asc" },
    select: { groupId: true },
  });
  const candidates = [...pending.filter((id) => after === null || id > after), ...(row ? [row.groupId] : [])].sort();
  return candidates[0] ?? null;
}

/** One page of a group's members (`membersByGroupId`, by id, never by name); the first page replaces the stored members. */
export async function readMembersPage(ctx: StepContext, walk: Walk): Promise<void> {
  const groupId = walk.groupId!;
  const failures: ItemFailure[] = [];
  let users: V1User[] = [];
  let last = true;
  try {
    const page = await ctx.client.getJson(`/wiki/rest/api/group/${encodeURIComponent(groupId)}/membersByGroupId`, {
      query: { start: walk.start, limit: PAGE },
      schema: ZV1List,
    });
    users = parseEach(page.results, ZV1User, failures, "group member");
    last = !more(page, walk.start) || page.results.length === 0;
  } catch (err) {
    // A group deleted since it was listed has no members to keep; anything else fails the slice (retried).
    if (!(err instanceof NotFoundError)) throw err;
  }
  const nextGroup = last ? await firstGroupAfter(ctx, groupId) : groupId;
  await commitPage(ctx, {
    phase: "permissions",
    failures,
    next: !last
      ? at(ctx, { ...walk, start: walk.start + users.length + failures.length })
      : nextGroup
        ? at(ctx, { ...walk, groupId: nextGroup, start: 0 })
        : at(ctx, { ...walk, stage: "grants", groupId: null, spaceIndex: 0, start: 0 }),
    extra: (tx) => storeMembers(tx, ctx, groupId, users, { first: walk.start === 0, emails: "replace" }),
  });
}

/** One page of a group's members: the first page replaces the stored members; the people are stored too. */
export async function storeMembers(
  tx: Prisma.TransactionClient,
  ctx: StepContext,
  groupId: string,
  users: StoredPerson[],
  options: { first: boolean; emails: "replace" | "keep" },
): Promise<void> {
  if (options.first) await tx.confluenceGroupMember.deleteMany({ where: { connectorId: ctx.connectorId, groupId } });
  await upsertUsers(tx, ctx.connectorId, users, options.emails);
  await tx.confluenceGroupMember.createMany({
    data: users.map((u) => ({ connectorId: ctx.connectorId, groupId, accountId: u.accountId })),
    skipDuplicates: true,
  });
}
