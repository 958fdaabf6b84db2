import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { moveFeedRecords } from "../feed";
import type { AppGroupView, GroupInput } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const withMembers = { members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } } } as const;
type GroupRow = Prisma.AppGroupGetPayload<{ include: typeof withMembers }>;

function toView(row: GroupRow): AppGroupView {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), members: row.members.map((m) => m.user) };
}

async function findGroup(id: string) {
  // Ids are uuids; anything else cannot name a group (and would be a cast error in PostgreSQL).
  const row = UUID.test(id) ? await db().appGroup.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No group with that id.");
  return row;
}

async function assertNameFree(name: string, exceptId?: string) {
  const taken = await db().appGroup.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (taken) throw new AppError("CONFLICT", `A group named "${taken.name}" already exists.`);
}

// Two requests racing past the check meet the lower(name) unique index.
const isDuplicate = (err: unknown) => typeof err === "object" && err !== null && ["P2002", "23505"].includes((err as { code?: string }).code ?? "");

export async function listGroups(): Promise<AppGroupView[]> {
  const rows = await db().appGroup.findMany({ include: withMembers, orderBy: { name: "asc" } });
  return rows.map(toView);
}

export async function createGroup(input: GroupInput): Promise<AppGroupView> {
  await assertNameFree(input.name);
  try {
    return toView(await db().appGroup.create({ data: { name: input.name }, include: withMembers }));
  } catch (err) {
    if (isDuplicate(err)) throw new AppError("CONFLICT", `A group named "${input.name}" already exists.`);
    throw err;
  }
}

export async function renameGroup(id: string, input: GroupInput): Promise<AppGroupView> {
  await findGroup(id);
  await assertNameFree(input.name, id);
  try {
    return toView(await db().appGroup.update({ where: { id }, data: { name: input.name }, include: withMembers }));
  } catch (err) {
    if (isDuplicate(err)) throw new AppError("CONFLICT", `A group named "${input.name}" already exists.`);
    throw err;
  }
}

/** Deletes the group, its memberships and every audience rule naming it: its members lose that access at once. */
export async function deleteGroup(id: string): Promise<void> {
  await findGroup(id);
  await db().$transaction(async (tx) => {
    const rules = await tx.audienceRule.findMany({
      where: { principalType: "app_group", principalId: id },
      select: { connectorId: true },
      distinct: ["connectorId"],
    });
    await tx.audienceRule.deleteMany({ where: { principalType: "app_group", principalId: id } });
    await tx.appGroup.delete({ where: { id } });
    // The feed names groups in each record's audience, so those records change.
    for (const r of rules) await moveFeedRecords(tx, r.connectorId);
  });
}

/** Adds a person (idempotent). An unknown person is a 422 on the path's userId. */
export async function addGroupMember(id: string, userId: string): Promise<AppGroupView> {
  await findGroup(id);
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } })))
    throw AppError.validation([{ loc: ["path", "userId"], msg: "There is no user with this id.", type: "unknown_user" }]);
  await db().appGroupMember.upsert({ where: { groupId_userId: { groupId: id, userId } }, create: { groupId: id, userId }, update: {} });
  return toView(await db().appGroup.findUniqueOrThrow({ where: { id }, include: withMembers }));
}

export async function removeGroupMember(id: string, userId: string): Promise<AppGroupView> {
  await findGroup(id);
  const { count } = await db().appGroupMember.deleteMany({ where: { groupId: id, userId } });
  if (!count) throw new AppError("NOT_FOUND", "That person is not a member of this group.");
  return toView(await db().appGroup.findUniqueOrThrow({ where: { id }, include: withMembers }));
}
