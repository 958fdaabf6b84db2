import { logger } from "../logger";
import { SIGN_IN_DISABLED, throttledError } from "./sign-in-messages";
import { clearAccountFailures, recordSignInFailure, secondsLocked, throttleKeys } from "./sign-in-throttle";
import { verifyCredentials, type UserSummary } from "./users";

/** A refusal the sign-in form explains; the message is one of sign-in-messages.ts's codes. */
export class SignInRefusedError extends Error {
  constructor(code: string) {
    super(code);
    this.name = "SignInRefusedError";
  }
}

/**
 * Email-and-password sign-in with the throttle in front: a locked account or address is
 * refused before the password is checked (so a lock gives nothing away), every failure is
 * counted and logged, and a disabled account is refused once its password is right.
 */
export async function signInWithPassword(email: string, password: string, address: string): Promise<UserSummary | null> {
  const keys = throttleKeys(email, address);
  const locked = await secondsLocked(keys);
  if (locked > 0) {
    logger.warn({ email, address, retryAfterSeconds: locked }, "sign-in refused: too many failed attempts");
    throw new SignInRefusedError(throttledError(locked));
  }
  const user = await verifyCredentials(email, password);
  if (!user) {
    const { accountFailures, addressFailures, lockedFor } = await recordSignInFailure(keys);
    logger.warn({ email, address, accountFailures, addressFailures, lockedForSeconds: lockedFor }, "sign-in failed");
    if (lockedFor > 0) throw new SignInRefusedError(throttledError(lockedFor));
    return null;
  }
  if (user.disabledAt) {
    logger.warn({ email, address, userId: user.id }, "sign-in refused: account disabled");
    throw new SignInRefusedError(SIGN_IN_DISABLED);
  }
  await clearAccountFailures(keys);
  return user;
}
