/**
 * How the server tells the sign-in form why it refused (next-auth passes an error thrown by
 * `authorize` to the browser as a string). Safe to import from client components.
 */
export const SIGN_IN_THROTTLED = "TooManyAttempts";
export const SIGN_IN_DISABLED = "AccountDisabled";

export function throttledError(seconds: number): string {
  return `${SIGN_IN_THROTTLED}:${Math.max(1, Math.ceil(seconds))}`;
}

export function formatWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** The sentence the sign-in form shows for next-auth's error string. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (!error || error === "CredentialsSignin") return "Wrong email or password.";
  if (error.startsWith(`${SIGN_IN_THROTTLED}:`)) {
    const seconds = Number(error.slice(SIGN_IN_THROTTLED.length + 1)) || 60;
    return `Too many attempts; try again in ${formatWait(seconds)}.`;
  }
  if (error === SIGN_IN_DISABLED) return "This account has been disabled. Ask an administrator to enable it.";
  return "Sign-in failed on the server. Try again in a moment.";
}
