import { AppError } from "../errors";

/** The default cap on a request body; a route that needs more says so (apiRoute's maxBodyBytes). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`);
}

/**
 * The body as text, refused with a 413 once it passes `limit` bytes: at once when
 * Content-Length says so, else while reading (a chunked body has no length), so an
 * oversized body is never held in memory.
 */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function isJsonType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * A JSON body: sent as application/json (a cross-site form or a `text/plain` fetch cannot
 * send that type without a CORS preflight, which this app never answers), at most `limit`
 * bytes. An empty body is "no fields" (e.g. POST .../sync with no options).
 */
export async function readJsonBody(request: Request, limit: number = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readLimitedText(request, limit);
  if (text.trim() === "") return {};
  if (!isJsonType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON, with the header Content-Type: application/json.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw AppError.validation([{ loc: ["body"], msg: "The request body must be JSON.", type: "json_invalid" }]);
  }
}
