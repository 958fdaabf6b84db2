import { forgetPersonInRules } from "../audiences";
import { AppError } from "../errors";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";
import { assertStrongPassword } from "./password-strength";
import { hashPassword } from "./passwords";
import type { UpdateUserInput } from "./schemas";
import { userSummary, type UserSummary } from "./users";

/**
 * What administrators do to other accounts: change the role, disable or enable, delete, reset
 * the password, revoke API keys. Every change that could leave the install without an active
 * administrator runs under one advisory lock and is refused with a 409.
 */
const ADMIN_GUARD_LOCK = 4242002;

export interface ManagedUser extends UserSummary {
  activeApiKeys: number;
}

/**
 * Every user, oldest first; with `q`, at most `limit` whose name or email contains it (any case),
 * by name, for pickers (View as, Who can see this, groups) that must not load thousands of people.
 */
export async function listUsers(query: { q?: string; limit?: number } = {}): Promise<ManagedUser[]> {
  const q = query.q?.trim();
  const select = { ...userSummary, _count: { select: { apiKeys: { where: { revokedAt: null } } } } };
  const users = q
    ? await db().user.findMany({
        select,
        where: { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] },
        orderBy: { name: "asc" },
        take: query.limit ?? 20,
      })
    : await db().user.findMany({ select, orderBy: { createdAt: "asc" } });
  return users.map(({ _count, ...user }) => ({ ...user, activeApiKeys: _count.apiKeys }));
}

async function lockedTarget(tx: Prisma.TransactionClient, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSummary });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/** Refuses a change that would leave no active administrator besides `user`. */
async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, user: UserSummary, action: string): Promise<void> {
  if (user.role !== "admin" || user.disabledAt) return;
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
  if (others === 0) {
    throw new AppError("CONFLICT", `${user.name} is the last active administrator and cannot be ${action}. Make another user an administrator first.`);
  }
}

export async function updateUser(actorId: string, userId: string, input: UpdateUserInput): Promise<UserSummary> {
  const updated = await db().$transaction(async (tx) => {
    const user = await lockedTarget(tx, userId);
    if (input.role === "member") await assertAnotherActiveAdmin(tx, user, "made a member");
    if (input.disabled === true) await assertAnotherActiveAdmin(tx, user, "disabled");
    const data: Prisma.UserUpdateInput = {};
    if (input.role) data.role = input.role;
    if (input.disabled === true && !user.disabledAt) Object.assign(data, { disabledAt: new Date(), sessionsValidFrom: new Date() });
    if (input.disabled === false) data.disabledAt = null;
    return tx.user.update({ where: { id: userId }, data, select: userSummary });
  });
  logger.info({ actorId, userId, change: input }, "user account changed");
  return updated;
}

export async function deleteUser(actorId: string, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await lockedTarget(tx, userId);
    await assertAnotherActiveAdmin(tx, user, "deleted");
    // API keys and group memberships go with the row (cascade); sessions stop because the row is gone.
    await forgetPersonInRules(tx, userId);
    await tx.user.delete({ where: { id: userId } });
  });
  logger.info({ actorId, userId }, "user account deleted");
}

/** Sets a new password and signs the user out everywhere (their sessions stop at the next request). */
export async function resetUserPassword(actorId: string, userId: string, password: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: userSummary });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  assertStrongPassword(password, [user.email, user.name]);
  const passwordHash = await hashPassword(password);
  await db().user.update({ where: { id: userId }, data: { passwordHash, sessionsValidFrom: new Date() } });
  logger.info({ actorId, userId }, "user password reset");
}

/** Revokes one of a user's API keys, or all of them when no key id is given; returns how many. */
export async function revokeUserApiKeys(actorId: string, userId: string, keyId?: string): Promise<number> {
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such user.");
  const { count } = await db().apiKey.updateMany({
    where: { userId, revokedAt: null, ...(keyId ? { id: keyId } : {}) },
    data: { revokedAt: new Date() },
  });
  if (keyId && count === 0) throw new AppError("NOT_FOUND", "No such API key.");
  logger.info({ actorId, userId, keyId, count }, "user API keys revoked");
  return count;
}
