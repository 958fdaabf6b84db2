import { ConfluenceError, NotFoundError, RateLimitedError, UnauthorizedError, ZDcProfile, ZDcRestrictionRead, ZDcUser, type DcUser } from "../../confluence";
import type { NodeRestriction } from "../permissions-restrictions";
import type { StoredPerson } from "../permissions-people";
import type { StepContext } from "../step-context";

/** A Data Center user as stored: the user key is the key (usernames can be renamed), the username kept beside it. */
export const dcPerson = (u: DcUser): StoredPerson => ({ accountId: u.userKey, username: u.username ?? null, displayName: u.displayName ?? null, email: null });

/** Each user's email from their profile (`/rest/mobile/1.0/profile/{username}`), absent when they hide it or it cannot be read. */
export async function withEmails(ctx: StepContext, users: StoredPerson[]): Promise<StoredPerson[]> {
  return Promise.all(
    users.map(async (u) => {
      if (!u.username) return u;
      try {
        const profile = await ctx.client.getJson(`/rest/mobile/1.0/profile/${encodeURIComponent(u.username)}`, { schema: ZDcProfile });
        return { ...u, email: profile.email ?? null };
      } catch (err) {
        // No email is never a guess: the member is linked by hand, or not at all.
        if (err instanceof ConfluenceError && !(err instanceof UnauthorizedError) && !(err instanceof RateLimitedError)) return u;
        throw err;
      }
    }),
  );
}

/** Data Center serves at most 200 subjects of each kind per restriction page. */
const SUBJECTS = 200;

/**
 * One node's own read restriction (`byOperation/read`; Data Center lists no inherited layer here,
 * and none is needed: each ancestor on the chain is a node read once). Users by user key, groups
 * by name. Anything that keeps it from being read is "nobody", as on Cloud.
 */
export async function readDcNodeRestriction(ctx: StepContext, nodeId: string, users: StoredPerson[]): Promise<NodeRestriction> {
  const userIds: string[] = [];
  const groupIds: string[] = [];
  try {
    for (let start = 0; ; start += SUBJECTS) {
      const r = await ctx.client.getJson(`/rest/api/content/${encodeURIComponent(nodeId)}/restriction/byOperation/read`, {
        query: { start, limit: SUBJECTS, expand: "restrictions.user,restrictions.group" },
        schema: ZDcRestrictionRead,
      });
      const { user, group } = r.restrictions;
      for (const u of user.results) {
        userIds.push(u.userKey);
        users.push(dcPerson(u));
      }
      groupIds.push(...group.results.map((g) => g.name));
      const full = (list: { results: unknown[]; limit?: number | null }) => list.results.length > 0 && list.results.length >= (list.limit ?? SUBJECTS);
      if (!full(user) && !full(group)) break;
    }
  } catch (err) {
    if (err instanceof UnauthorizedError || err instanceof RateLimitedError || !(err instanceof ConfluenceError)) throw err;
    return { state: "nobody", reason: `${err instanceof NotFoundError ? "not found" : err.name}: ${err.message}`.slice(0, 500) };
  }
  if (userIds.length === 0 && groupIds.length === 0) return { state: "open" };
  return { state: "restricted", userIds: [...new Set(userIds)], groupIds: [...new Set(groupIds)] };
}

/**
 * Names for user keys the store does not know yet (authors and mentions, on a connector whose
 * permissions step did not list them): Data Center has no bulk lookup, so one `/rest/api/user?key=`
 * each; a key it does not know is left out (the document shows the key).
 */
export async function dcUsersByKey(ctx: StepContext, keys: string[]): Promise<{ accountId: string; displayName: string | null }[]> {
  const found = await Promise.all(
    keys.map(async (key) => {
      try {
        const u = await ctx.client.getJson("/rest/api/user", { query: { key }, schema: ZDcUser });
        return { accountId: u.userKey, displayName: u.displayName ?? u.username ?? null };
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    }),
  );
  return found.filter((u) => u !== null);
}
