import { createHash, timingSafeEqual } from "node:crypto";
import { serverEnv } from "../env";
import { AppError } from "../errors";

/**
 * GET /api/metrics is for a scraper, not a person: it takes no session or API key, only
 * METRICS_TOKEN as a Bearer token. Unset, the endpoint does not exist (404) and says how to
 * turn it on; a missing or wrong token is a 401.
 */
export function assertMetricsAccess(authorization: string | null, token: string | undefined = serverEnv().METRICS_TOKEN): void {
  if (!token) {
    throw new AppError(
      "NOT_FOUND",
      "Metrics are off. Set METRICS_TOKEN (at least 16 characters) in the web server's environment, restart, and send it as Authorization: Bearer <token>.",
    );
  }
  const sent = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "")?.[1];
  if (!sent || !sameSecret(sent, token)) {
    throw new AppError("UNAUTHENTICATED", "Send the metrics token (METRICS_TOKEN) as Authorization: Bearer <token>.");
  }
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before the comparison. */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
