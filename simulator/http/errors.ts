/** Errors thrown by handlers and rendered in the flavour of the API that raised them. */
export type ApiFlavor = "v2" | "v1" | "oauth" | "gateway" | "admin" | "download";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, [string, string]> = {
  400: ["INVALID_REQUEST_PARAMETER", "Bad Request"],
  401: ["UNAUTHORIZED", "Unauthorized"],
  403: ["FORBIDDEN", "Forbidden"],
  404: ["NOT_FOUND", "Not Found"],
  405: ["METHOD_NOT_ALLOWED", "Method Not Allowed"],
  429: ["TOO_MANY_REQUESTS", "Too Many Requests"],
  500: ["INTERNAL_SERVER_ERROR", "Internal Server Error"],
  503: ["SERVICE_UNAVAILABLE", "Service Unavailable"],
};

export function errorBody(flavor: ApiFlavor, status: number, message: string): unknown {
  const [code, title] = TITLES[status] ?? ["ERROR", "Error"];
  if (flavor === "v2") return { errors: [{ status, code, title, detail: message || null }] };
  if (flavor === "v1" || flavor === "download")
    return { statusCode: status, data: { authorized: status !== 401 && status !== 403, valid: true, errors: [], successful: false }, message, reason: title };
  if (flavor === "gateway" || flavor === "oauth") return { code: status, message };
  return { error: message, status };
}
