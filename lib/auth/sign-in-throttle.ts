import { db } from "../db";

/**
 * Failed sign-ins are counted per account and per client address in PostgreSQL, so every web
 * process sees the same counts. A key gets a few free failures, then each further failure
 * locks it for twice as long as the one before (1, 2, 4 … minutes, at most an hour). Counts
 * are forgotten once the last failure is old enough; a successful sign-in clears the account's.
 */
interface ThrottlePolicy {
  freeFailures: number;
  forgetAfterSeconds: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, forgetAfterSeconds: 24 * 3600 };
// An address may hold many people (an office behind one NAT), so it gets more room.
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, forgetAfterSeconds: 3600 };
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/** Seconds until the longer of the two locks ends, or 0 when neither is locked. */
export async function secondsLocked(keys: ThrottleKeys): Promise<number> {
  const rows = await db().signInThrottle.findMany({
    where: { key: { in: [keys.account, keys.address] }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - Date.now()) / 1000) : 0;
}

/** The lock length after `failures` failures under a policy (0 while still free). */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(over - 1, 20));
}

async function countFailure(key: string, policy: ThrottlePolicy): Promise<{ failures: number; lockedFor: number }> {
  // One statement, so concurrent failures from several processes each count.
  const [row] = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO sign_in_throttles (key, failures, last_failure_at) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.last_failure_at < now() - make_interval(secs => ${policy.forgetAfterSeconds})
                      THEN 1 ELSE sign_in_throttles.failures + 1 END,
      last_failure_at = now()
    RETURNING failures`;
  const failures = row!.failures;
  const lockedFor = lockSeconds(failures, policy);
  if (lockedFor > 0) {
    await db().signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() + lockedFor * 1000) } });
  }
  return { failures, lockedFor };
}

/** Counts a failed attempt against both keys; returns the failures and the lock now in force (seconds). */
export async function recordSignInFailure(keys: ThrottleKeys): Promise<{ accountFailures: number; addressFailures: number; lockedFor: number }> {
  const account = await countFailure(keys.account, ACCOUNT_POLICY);
  const address = await countFailure(keys.address, ADDRESS_POLICY);
  return { accountFailures: account.failures, addressFailures: address.failures, lockedFor: Math.max(account.lockedFor, address.lockedFor) };
}

export async function clearAccountFailures(keys: ThrottleKeys): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: keys.account } });
}
