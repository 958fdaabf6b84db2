import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { logger } from "./logger";

export const ERROR_STATUS = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  // A changes-feed cursor this store no longer knows: the consumer starts over.
  GONE: 410,
  CREDENTIALS_UNREADABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  // Confluence no longer accepts the connector's credentials: an admin must authenticate it again.
  REAUTH_REQUIRED: 409,
  UPSTREAM_AUTH: 502,
  UPSTREAM_UNAVAILABLE: 502,
  SITE_UNREACHABLE: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** The one error type: a code that maps to an HTTP status and a message safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: FieldProblem[],
    /** Sent as Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(detail: FieldProblem[], message = "Some fields are not valid.") {
    return new AppError("VALIDATION", message, detail);
  }
}

export function fieldProblemsFromZod(error: ZodError, root: string = "body"): FieldProblem[] {
  return error.issues.map((issue) => ({
    loc: [root, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
    type: issue.code,
  }));
}

/** Turns any thrown value into a JSON response; unknown errors are logged with a request id. */
export function toResponse(error: unknown, requestId: string = randomUUID()): Response {
  if (error instanceof ZodError) {
    return Response.json({ error: "VALIDATION", message: "Some fields are not valid.", detail: fieldProblemsFromZod(error) }, { status: 422 });
  }
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.detail) body.detail = error.detail;
    const headers = error.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
    return Response.json(body, { status: error.status, headers });
  }
  logger.error({ err: error, requestId }, "unhandled error");
  return Response.json({ error: "INTERNAL", message: "Something went wrong on our side.", requestId }, { status: 500 });
}
