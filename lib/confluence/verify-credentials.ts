import { z } from "zod";
import type { ConfluenceClient } from "./client";
import { ForbiddenError, NotFoundError, ResponseShapeError, UnauthorizedError } from "./errors";

const ROUTE = "GET /wiki/api/v2/spaces";
// The setup form is waiting: fail within seconds rather than after minutes of backoff.
const QUICK = { maxRetries: 1, maxRateLimitRetries: 1, requestTimeoutMs: 15_000 };

/** Proves the site answers and accepts the credentials, with one cheap request; throws a typed error otherwise. */
export async function verifyCredentials(client: ConfluenceClient, options: { signal?: AbortSignal } = {}): Promise<void> {
  try {
    await client.getJson("/wiki/api/v2/spaces", {
      query: { limit: 1 },
      schema: z.object({ results: z.array(z.unknown()) }),
      retry: QUICK,
      signal: options.signal,
    });
  } catch (error) {
    const what = client.authKind === "basic" ? "the email or API token" : "the access token";
    if (error instanceof UnauthorizedError) throw new UnauthorizedError(`Confluence rejected ${what}.`, { status: 401, route: ROUTE, cause: error });
    if (error instanceof ForbiddenError)
      throw new ForbiddenError(`Confluence accepted ${what} but denies this account the REST API.`, { status: 403, route: ROUTE, cause: error });
    if (error instanceof NotFoundError || error instanceof ResponseShapeError) {
      throw new NotFoundError(`No Confluence Cloud site answers at ${client.siteUrl}.`, { status: error.status, route: ROUTE, cause: error });
    }
    throw error;
  }
}
