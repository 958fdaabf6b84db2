import { db } from "../db";
import { logger } from "../logger";

export interface FetchedUser {
  accountId: string;
  displayName?: string | null;
  email?: string | null;
  accountType?: string | null;
}

/** Looks users up at the source (e.g. `POST /wiki/api/v2/users-bulk`, at most 250 ids a call). */
export type FetchUsers = (accountIds: string[]) => Promise<FetchedUser[]>;

// Cloud names people by account id; Data Center by user key.
const MENTION = /ri:(?:account-id|userkey)="([^"]+)"/g;

/** Authors and mentioned users of a batch. */
export function accountIdsOf(authorIds: (string | null)[], bodies: Iterable<string>): Set<string> {
  const ids = new Set(authorIds.filter((id): id is string => !!id));
  for (const body of bodies) for (const m of body.matchAll(MENTION)) ids.add(m[1]!);
  return ids;
}

/**
 * Display names for these account ids: from the store, and for ids never seen, from
 * `fetchUsers` when given (sync runs), stored for next time. Without it (Rebuild index) or
 * when the lookup fails, unknown ids stay unnamed and documents show the account id.
 */
export async function userNames(connectorId: string, ids: Set<string>, fetchUsers?: FetchUsers): Promise<Map<string, string>> {
  if (ids.size === 0) return new Map();
  const known = await db().confluenceUser.findMany({ where: { connectorId, accountId: { in: [...ids] } }, select: { accountId: true, displayName: true } });
  const names = new Map(known.flatMap((u) => (u.displayName ? [[u.accountId, u.displayName] as const] : [])));
  const stored = new Set(known.map((u) => u.accountId));
  const unknown = [...ids].filter((id) => !stored.has(id));
  if (!fetchUsers || unknown.length === 0) return names;
  try {
    const found = new Map<string, FetchedUser>();
    for (let i = 0; i < unknown.length; i += 250) for (const user of await fetchUsers(unknown.slice(i, i + 250))) found.set(user.accountId, user);
    await db().confluenceUser.createMany({
      data: unknown.map((accountId) => {
        const user = found.get(accountId);
        return { connectorId, accountId, displayName: user?.displayName ?? null, email: user?.email || null, accountType: user?.accountType ?? null };
      }),
      skipDuplicates: true,
    });
    for (const user of found.values()) if (user.displayName) names.set(user.accountId, user.displayName);
  } catch (err) {
    logger.warn({ err, connectorId }, "user lookup failed; documents show account ids");
  }
  return names;
}
