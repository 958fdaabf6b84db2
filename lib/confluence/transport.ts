import { fetch as undiciFetch } from "undici";
import { egressDispatcher, isAtlassianMediaOrigin, normalizeOrigin, RefusedAddress } from "./egress";
import { DestinationRefusedError, RedirectRefusedError, SiteUnreachableError, UpstreamUnavailableError } from "./errors";
import { assertDeclaredLength, guardBody, readTextCapped } from "./read-body";

/**
 * One HTTP attempt with a deadline. Network failures become typed errors here: nobody answering
 * (DNS, refused, timeout) is SiteUnreachableError, a connection that broke is UpstreamUnavailableError.
 * A cancel from the caller's signal is rethrown as its reason, untouched.
 *
 * Redirects are followed by hand, only to `redirectOrigins` and Atlassian's media hosts, and
 * connections go through the egress dispatcher (no private addresses unless the origin is trusted).
 */
export interface Attempt {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  route: string;
  /** Until the body is read (JSON), or until the headers arrive (downloads). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Read the body before returning (JSON); otherwise it streams under `maxBodyBytes` and `bodyTimeoutMs`. */
  readBody: boolean;
  /** Largest body accepted; default 32 MiB. */
  maxBodyBytes?: number;
  /** Streamed bodies: deadline for the whole transfer, counted from the start of the attempt. */
  bodyTimeoutMs?: number;
  /** Origins a redirect may lead to (Atlassian's media hosts are added); none means redirects are refused. */
  redirectOrigins?: readonly string[];
  /** Origins the operator listed: they may resolve to private or loopback addresses. */
  trustedOrigins?: readonly string[];
}

export interface AttemptResult {
  response: Response;
  text: string | undefined;
}

export const DEFAULT_MAX_JSON_BYTES = 32 * 1024 * 1024;
/** Error bodies are read only for Confluence's message. */
const ERROR_BODY_BYTES = 64 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string") return e.code;
    const errors = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors[0]) return codeOf(errors[0]);
    e = e.cause as typeof e;
  }
  return undefined;
}

function refusedAddressIn(error: unknown): RefusedAddress | undefined {
  for (let e = error as { cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof RefusedAddress) return e;
    if (Array.isArray(e.errors)) {
      const inner = e.errors.map(refusedAddressIn).find(Boolean);
      if (inner) return inner;
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

interface Hop {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** The request a redirect leads to, or RedirectRefusedError when it goes somewhere we do not follow. */
function nextHop(hop: Hop, status: number, location: string | null, attempt: Attempt, count: number): Hop {
  const refuse = (reason: string, where = location ?? "(no location)") => new RedirectRefusedError(where, { status, route: attempt.route, reason });
  if (!attempt.redirectOrigins) throw refuse("this request is never redirected (it carries credentials in its body)");
  if (count >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`);
  let target: URL;
  try {
    target = new URL(location ?? "", hop.url);
  } catch {
    throw refuse("the location is not a URL");
  }
  if (!location) throw refuse("the redirect has no location");
  const allowed = attempt.redirectOrigins.map(normalizeOrigin);
  const where = `${target.origin}${target.pathname}`;
  if (!allowed.includes(target.origin.toLowerCase()) && !isAtlassianMediaOrigin(target)) {
    throw refuse("only the site's own address and Atlassian's media hosts are followed", where);
  }
  const headers = { ...hop.headers };
  // Credentials stay with the origin they were meant for.
  if (target.origin !== new URL(hop.url).origin) delete headers.Authorization;
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method !== "GET" && hop.method !== "HEAD");
  if (toGet) delete headers["Content-Type"];
  return { url: target.toString(), method: toGet ? "GET" : hop.method, headers, body: toGet ? undefined : hop.body };
}

export async function sendAttempt(attempt: Attempt): Promise<AttemptResult> {
  const { signal, route } = attempt;
  const startedAt = Date.now();
  let host = new URL(attempt.url).host;
  const headerDeadline = new AbortController();
  const bodyAbort = new AbortController();
  const timer = setTimeout(() => headerDeadline.abort(new Error("timeout")), attempt.timeoutMs);
  const combined = AbortSignal.any([headerDeadline.signal, bodyAbort.signal, ...(signal ? [signal] : [])]);
  const maxBodyBytes = attempt.maxBodyBytes ?? DEFAULT_MAX_JSON_BYTES;
  const fail = (error: unknown, reading: boolean): never => {
    if (signal?.aborted) throw signal.reason;
    if (headerDeadline.signal.aborted) throw new SiteUnreachableError(host, { route, cause: error });
    const refused = refusedAddressIn(error);
    if (refused) throw new DestinationRefusedError(host, refused.address, { route, kind: refused.kind });
    const code = codeOf(error);
    if (!reading && code && UNREACHABLE_CODES.has(code)) throw new SiteUnreachableError(host, { route, cause: error });
    throw new UpstreamUnavailableError(`The connection to ${host} failed (${code ?? "network error"}) for ${route}`, { route, cause: error });
  };
  const dispatcher = egressDispatcher(attempt.trustedOrigins);
  let streaming = false;
  try {
    let hop: Hop = { url: attempt.url, method: attempt.method, headers: attempt.headers, body: attempt.body };
    let response: Response;
    for (let count = 0; ; count++) {
      try {
        const init = { method: hop.method, headers: hop.headers, body: hop.body, signal: combined, redirect: "manual" as const, dispatcher };
        response = (await undiciFetch(hop.url, init)) as unknown as Response;
      } catch (error) {
        return fail(error, false);
      }
      if (!REDIRECT_STATUSES.has(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      hop = nextHop(hop, response.status, response.headers.get("location"), attempt, count);
      host = new URL(hop.url).host;
    }
    const limits = { route, status: response.status, abort: (reason: Error) => bodyAbort.abort(reason) };
    if (!attempt.readBody && response.ok) {
      clearTimeout(timer);
      streaming = true;
      if (!response.body) return { response, text: undefined };
      assertDeclaredLength(response, { ...limits, maxBytes: maxBodyBytes });
      const deadlineMs = Math.max(1, (attempt.bodyTimeoutMs ?? attempt.timeoutMs) - (Date.now() - startedAt));
      const body = guardBody(response.body, {
        ...limits,
        maxBytes: maxBodyBytes,
        deadlineMs,
        mapError: (error) => {
          try {
            return fail(error, true);
          } catch (mapped) {
            return mapped;
          }
        },
      });
      const { status, statusText, headers } = response;
      return { response: new Response(body, { status, statusText, headers: new Headers(headers) }), text: undefined };
    }
    try {
      // Error bodies are small and always read (they carry Confluence's message).
      const text = await readTextCapped(response, { ...limits, maxBytes: response.ok ? maxBodyBytes : ERROR_BODY_BYTES, truncate: !response.ok });
      return { response, text };
    } catch (error) {
      if (error instanceof Error && error === bodyAbort.signal.reason) throw error;
      return fail(error, true);
    }
  } finally {
    if (!streaming) clearTimeout(timer);
  }
}
