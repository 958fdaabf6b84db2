import { AppError } from "../errors";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { assertStrongPassword } from "./password-strength";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import type { ClaimFirstAdminInput, CreateUserInput, FirstAdminInput } from "./schemas";
import { consumeSetupCode } from "./setup-code";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

export const userSummary = { id: true, email: true, name: true, role: true, createdAt: true, disabledAt: true } as const;

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

const duplicateEmail = () =>
  AppError.validation(
    [{ loc: ["body", "email"], msg: "An account with this email already exists.", type: "duplicate" }],
    "An account with this email already exists.",
  );

async function createAdminOnce(input: FirstAdminInput, beforeCreate?: (tx: Prisma.TransactionClient) => Promise<void>): Promise<UserSummary> {
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    if ((await tx.user.count()) > 0) {
      throw new AppError("CONFLICT", "The first administrator already exists; sign in instead.");
    }
    await beforeCreate?.(tx);
    return tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "admin" }, select: userSummary });
  });
}

/** Creates the first administrator (tests and scripts); refused once any user exists (checked under a lock). */
export function createFirstAdmin(input: FirstAdminInput): Promise<UserSummary> {
  return createAdminOnce(input);
}

/** The setup page: the first administrator, only with the setup code `npm start` printed, which it uses up. */
export function claimFirstAdmin(input: ClaimFirstAdminInput): Promise<UserSummary> {
  return createAdminOnce(input, (tx) => consumeSetupCode(tx, input.setupCode));
}

export async function createUser(input: CreateUserInput): Promise<UserSummary> {
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name, passwordHash, role: input.role },
      select: userSummary,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
}

export function findUserById(id: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { id }, select: userSummary });
}

/**
 * The user behind a session, re-read on every request: null when the account is gone or
 * disabled, or when the session was signed in before its sessions were revoked (a password
 * reset, a disable). Role changes therefore apply at once too.
 */
export async function findSessionUser(id: string, signedInAt: number | undefined): Promise<UserSummary | null> {
  const user = await db().user.findUnique({ where: { id }, select: { ...userSummary, sessionsValidFrom: true } });
  if (!user || user.disabledAt) return null;
  if (user.sessionsValidFrom && (signedInAt ?? 0) < user.sessionsValidFrom.getTime()) return null;
  const { sessionsValidFrom: _ignored, ...summary } = user;
  return summary;
}

/** The user for an email and password, or null; the same work is done either way. Disabled users are returned as such. */
export async function verifyCredentials(email: string, password: string): Promise<UserSummary | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, disabledAt: user.disabledAt };
}
