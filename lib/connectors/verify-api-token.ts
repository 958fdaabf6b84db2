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
    if (err instanceof UnauthorizedError || err instanceof ForbiddenError) {
      throw AppError.validation(
        [
          {
            loc: ["body", "apiToken"],
            msg: `Confluence rejected the email or API token (HTTP ${err.status}). Check both and try again.`,
            type: "upstream_auth",
          },
        ],
        "Confluence rejected the email or API token.",
      );
    }
    if (err instanceof SiteUnreachableError) {
      const host = new URL(siteUrl).host;
      throw AppError.validation(
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
      throw AppError.validation([{ loc: ["body", "baseUrl"], msg: err.message, type: "upstream_refused" }], "The site's address was refused.");
    }
    if (err instanceof ConfluenceError) {
      throw AppError.validation(
        [
          {
            loc: ["body", "baseUrl"],
            msg: `The site answered with an error (HTTP ${err.status ?? "?"}): is this a Confluence Cloud site?`,
            type: "upstream_error",
          },
        ],
        "The site answered with an error.",
      );
    }
    throw err;
  }
}
