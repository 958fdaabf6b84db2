import {
  createConfluenceClient,
  ForbiddenError,
  SiteUnreachableError,
  UnauthorizedError,
  verifyCredentials,
  ConfluenceError,
  DestinationRefusedError,
  RedirectRefusedError,
} from "../confluence";
import { AppError } from "../errors";
import { connectorSettings } from "./settings";

/**
 * Checks an email and API token against the site before anything is saved, so a rejected
 * token or a silent host never leaves a half-made connector behind.
 */
export async function verifyApiToken(siteUrl: string, email: string, apiToken: string): Promise<void> {
  const client = createConfluenceClient({
    siteUrl,
    auth: { kind: "basic", email, apiToken },
    maxRetries: 1,
    maxRateLimitRetries: 1,
    retryBaseMs: 250,
    requestTimeoutMs: 15_000,
    trustedOrigins: connectorSettings().extraSiteOrigins,
  });
  try {
    await verifyCredentials(client);
  } catch (err) {
    throw explainVerifyFailure(err, siteUrl, {
      field: "apiToken",
      rejected: (status) => `Confluence rejected the email or API token (HTTP ${status}). Check both and try again.`,
      notConfluence: "is this a Confluence Cloud site?",
    });
  }
}

/** A failed credential check as a validation error on the field at fault (the secret, or the URL). */
export function explainVerifyFailure(
  err: unknown,
  siteUrl: string,
  words: { field: string; rejected: (status: number | undefined) => string; notConfluence: string },
): unknown {
  if (err instanceof UnauthorizedError || err instanceof ForbiddenError) {
    const msg = words.rejected(err.status);
    return AppError.validation([{ loc: ["body", words.field], msg, type: "upstream_auth" }], msg.replace(/ \(HTTP.*$/, "."));
  }
  if (err instanceof SiteUnreachableError) {
    const host = new URL(siteUrl).host;
    return AppError.validation(
      [
        {
          loc: ["body", "baseUrl"],
          msg: `The site ${host} did not answer. Check the URL and that it is reachable from this server.`,
          type: "upstream_unreachable",
        },
      ],
      `The site ${host} did not answer.`,
    );
  }
  if (err instanceof DestinationRefusedError || err instanceof RedirectRefusedError) {
    return AppError.validation([{ loc: ["body", "baseUrl"], msg: err.message, type: "upstream_refused" }], "The site's address was refused.");
  }
  if (err instanceof ConfluenceError) {
    const said = words.notConfluence.endsWith("?")
      ? `The site answered with an error (HTTP ${err.status ?? "?"}): ${words.notConfluence}`
      : words.notConfluence;
    return AppError.validation([{ loc: ["body", "baseUrl"], msg: said, type: "upstream_error" }], "The site answered with an error.");
  }
  return err;
}
