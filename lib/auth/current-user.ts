import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./options";
import { findUserById, hasAnyUser, type UserSummary } from "./users";

/** The signed-in user for a page or layout, re-read from the database; null when signed out. */
export async function currentUser(): Promise<UserSummary | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? findUserById(id) : null;
}

/** For pages: sends visitors to the first-admin page on a fresh install, otherwise to sign-in. */
export async function requireUser(): Promise<UserSummary> {
  const user = await currentUser();
  if (user) return user;
  redirect((await hasAnyUser()) ? "/signin" : "/setup");
}

/** For admin-only pages: members get the 403 page. */
export async function requireAdmin(): Promise<UserSummary> {
  const user = await requireUser();
  if (user.role !== "admin") forbidden();
  return user;
}
