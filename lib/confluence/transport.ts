import { SiteUnreachableError, UpstreamUnavailableError } from "./errors";

/**
 * One HTTP attempt with a deadline. Network failures become typed errors here: nobody answering
 * (DNS, refused, timeout) is SiteUnreachableError, a connection that broke is UpstreamUnavailableError.
 * A cancel from the caller's signal is rethrown as its reason, untouched.
 */
export interface Attempt {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  route: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Read the body before returning (JSON); otherwise the deadline ends at the headers (downloads). */
  readBody: boolean;
}

export interface AttemptResult {
  response: Response;
  text: string | undefined;
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string") return e.code;
    const errors = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors[0]) return codeOf(errors[0]);
    e = e.cause as typeof e;
  }
  return undefined;
}

export async function sendAttempt(attempt: Attempt): Promise<AttemptResult> {
  const { signal, route } = attempt;
  const host = new URL(attempt.url).host;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("timeout")), attempt.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  const fail = (error: unknown, reading: boolean): never => {
    if (signal?.aborted) throw signal.reason;
    if (deadline.signal.aborted) throw new SiteUnreachableError(host, { route, cause: error });
    const code = codeOf(error);
    if (!reading && code && UNREACHABLE_CODES.has(code)) throw new SiteUnreachableError(host, { route, cause: error });
    throw new UpstreamUnavailableError(`The connection to ${host} failed (${code ?? "network error"}) for ${route}`, { route, cause: error });
  };
  try {
    let response: Response;
    try {
      response = await fetch(attempt.url, { method: attempt.method, headers: attempt.headers, body: attempt.body, signal: combined, redirect: "follow" });
    } catch (error) {
      return fail(error, false);
    }
    // Error bodies are small and always read (they carry Confluence's message).
    if (!attempt.readBody && response.ok) return { response, text: undefined };
    try {
      return { response, text: await response.text() };
    } catch (error) {
      return fail(error, true);
    }
  } finally {
    clearTimeout(timer);
  }
}
