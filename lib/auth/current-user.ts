import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./options";
import { findSessionUser, hasAnyUser, type UserSummary } from "./users";

/**
 * The user of the session cookie for a page, layout or route, re-read from the database;
 * null when signed out, deleted, disabled, or signed in before a password reset.
 */
export async function currentUser(): Promise<UserSummary | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; signedInAt?: number } | undefined;
  return user?.id ? findSessionUser(user.id, user.signedInAt) : null;
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
