import { AppError } from "../errors";

/**
 * Typed upstream errors: the sync engine and the setup form decide by class, never by message.
 * Messages are safe to show a user: they name the route and what went wrong, never a token.
 */
export class ConfluenceError extends Error {
  readonly status: number | undefined;
  readonly route: string;

  constructor(message: string, options: { status?: number; route: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.route = options.route;
  }
}

/** 401: wrong email/API token, or an OAuth token that stayed invalid after one refresh. */
export class UnauthorizedError extends ConfluenceError {}

/** 403: the account may not see this resource (or lacks a scope). */
export class ForbiddenError extends ConfluenceError {}

/** 404: missing, or invisible to this account (Confluence does not tell the two apart). */
export class NotFoundError extends ConfluenceError {}

/** 400: Confluence refused the request; `upstreamMessage` is Confluence's own explanation. */
export class InvalidRequestError extends ConfluenceError {
  constructor(
    message: string,
    options: { status?: number; route: string },
    readonly upstreamMessage: string | undefined,
  ) {
    super(message, options);
  }
}

/** 429 that persisted through every allowed rate-limit retry. */
export class RateLimitedError extends ConfluenceError {
  constructor(
    message: string,
    options: { route: string },
    readonly retryAfterMs: number,
  ) {
    super(message, { status: 429, route: options.route });
  }
}

/** 5xx or a broken connection that persisted through the bounded retries. */
export class UpstreamUnavailableError extends ConfluenceError {}

/** DNS failure, connection refused or timeout: nobody answers at that host. */
export class SiteUnreachableError extends ConfluenceError {
  constructor(
    readonly host: string,
    options: { route: string; cause?: unknown },
  ) {
    super(`The site did not answer: ${host}`, options);
  }
}

/** The authorization code or refresh token is unknown, used, expired or revoked: reconnect. */
export class InvalidGrantError extends ConfluenceError {}

/** Atlassian rejected the app itself (client id/secret) or the request. */
export class OAuthRequestError extends ConfluenceError {
  constructor(
    message: string,
    options: { status?: number; route: string },
    readonly oauthError: string | undefined,
  ) {
    super(message, options);
  }
}

/** A connection to a non-public address (loopback, private, link-local…) that no operator listed. */
export class DestinationRefusedError extends ConfluenceError {
  constructor(
    readonly host: string,
    readonly address: string,
    options: { route: string; kind: string },
  ) {
    super(
      `Refused to connect to ${host} (${address} is a ${options.kind} address); only public addresses are reached, unless the origin is listed in CONFLUENCE_EXTRA_SITE_ORIGINS`,
      options,
    );
  }
}

/** A redirect we do not follow: to another host, or on a token request (which carries secrets). */
export class RedirectRefusedError extends ConfluenceError {
  constructor(
    readonly location: string,
    options: { status: number; route: string; reason: string },
  ) {
    super(`Not following the redirect of ${options.route} to ${location}: ${options.reason}`, options);
  }
}

/** A body larger than the limit for its kind (a JSON page, a file); reading stopped at the limit. */
export class ResponseTooLargeError extends ConfluenceError {
  constructor(
    readonly limitBytes: number,
    options: { route: string; status?: number },
  ) {
    super(`The response to ${options.route} is larger than the ${limitBytes}-byte limit`, options);
  }
}

/** The whole body (not only the headers) did not arrive within its deadline. */
export class ResponseTimeoutError extends ConfluenceError {
  constructor(
    readonly timeoutMs: number,
    options: { route: string; status?: number },
  ) {
    super(`The response to ${options.route} did not finish within ${Math.round(timeoutMs / 1000)} s`, options);
  }
}

export interface ShapeProblem {
  path: string;
  message: string;
}

/** The response did not have the shape we rely on; the message names the field and the route. */
export class ResponseShapeError extends ConfluenceError {
  constructor(
    readonly problems: ShapeProblem[],
    options: { status?: number; route: string },
  ) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    const where = first ? `${first.path || "(body)"}: ${first.message}` : "unknown problem";
    super(`Unexpected response from Confluence for ${options.route}: ${where}${more}`, options);
  }
}

/** Confluence's explanation from any of its error body flavours (v2, v1, gateway, OAuth). */
export function upstreamMessageOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errors) && b.errors[0] && typeof b.errors[0] === "object") {
    const e = b.errors[0] as Record<string, unknown>;
    const text = e.detail ?? e.title ?? e.message;
    if (typeof text === "string" && text) return text;
  }
  for (const key of ["message", "error_description", "errorMessage"]) {
    if (typeof b[key] === "string" && b[key]) return b[key] as string;
  }
  return undefined;
}

/** The error for a final (non-retried) 4xx/5xx status. */
export function errorForStatus(status: number, route: string, body: unknown): ConfluenceError {
  const said = upstreamMessageOf(body);
  const suffix = said ? `: ${said}` : "";
  const options = { status, route };
  if (status === 400) return new InvalidRequestError(`Confluence refused the request ${route}${suffix}`, options, said);
  if (status === 401) return new UnauthorizedError(`Confluence rejected the credentials for ${route}${suffix}`, options);
  if (status === 403) return new ForbiddenError(`Confluence denied access to ${route}${suffix}`, options);
  if (status === 404) return new NotFoundError(`Not found in Confluence: ${route}`, options);
  if (status >= 500) return new UpstreamUnavailableError(`Confluence is unavailable (${status}) for ${route}`, options);
  return new ConfluenceError(`Confluence answered ${status} for ${route}${suffix}`, options);
}

/**
 * Maps an upstream error onto the app's single error type, for route handlers (lib/http's
 * apiRoute applies it to whatever a handler throws). Messages say what the admin can do.
 */
export function toAppError(error: ConfluenceError): AppError {
  if (error instanceof UnauthorizedError || error instanceof InvalidGrantError) {
    return new AppError(
      "REAUTH_REQUIRED",
      "Confluence no longer accepts this connector's credentials: authenticate it again (enter a new API token, or Authenticate again for OAuth).",
    );
  }
  if (error instanceof ForbiddenError) {
    return new AppError("UPSTREAM_AUTH", `Confluence denied the connector's account access (${error.route}). Check the account's permissions on the site.`);
  }
  if (error instanceof OAuthRequestError) return new AppError("UPSTREAM_AUTH", error.message);
  if (error instanceof NotFoundError) return new AppError("NOT_FOUND", `Confluence did not find ${error.route}, or the connector's account cannot see it.`);
  if (error instanceof RateLimitedError) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return new AppError("RATE_LIMITED", `Confluence is rate-limiting this connector; try again in ${seconds} s.`, undefined, seconds);
  }
  if (error instanceof SiteUnreachableError) {
    return new AppError("SITE_UNREACHABLE", `The Confluence site did not answer (${error.host}). Check the site URL, and that this server can reach it.`);
  }
  if (error instanceof DestinationRefusedError || error instanceof RedirectRefusedError) return new AppError("SITE_UNREACHABLE", error.message);
  if (error instanceof InvalidRequestError) return new AppError("BAD_REQUEST", error.message);
  if (error instanceof UpstreamUnavailableError && error.status) {
    return new AppError("UPSTREAM_UNAVAILABLE", `Confluence is unavailable right now (it answered ${error.status}); try again in a few minutes.`);
  }
  return new AppError("UPSTREAM_UNAVAILABLE", error.message);
}
