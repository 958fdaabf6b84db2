import { AppError } from "../errors";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import type { CreateUserInput, FirstAdminInput } from "./schemas";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

const summary = { id: true, email: true, name: true, role: true, createdAt: true } as const;

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

/** Creates the first administrator; refused once any user exists (checked under a lock). */
export async function createFirstAdmin(input: FirstAdminInput): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    if ((await tx.user.count()) > 0) {
      throw new AppError("CONFLICT", "The first administrator already exists; sign in instead.");
    }
    return tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "admin" }, select: summary });
  });
}

export async function createUser(input: CreateUserInput): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name, passwordHash, role: input.role },
      select: summary,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
}

export function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({ select: summary, orderBy: { createdAt: "asc" } });
}

export function findUserById(id: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { id }, select: summary });
}

/** The user for an email and password, or null; the same work is done either way. */
export async function verifyCredentials(email: string, password: string): Promise<UserSummary | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}
