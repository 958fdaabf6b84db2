import pRetry, { AbortError } from "p-retry";
import type { z } from "zod";
import { logger as rootLogger } from "../logger";
import { createCredentials, DEFAULT_API_BASE_URL, isDataCenterAuth, type ConfluenceAuth } from "./auth";
import {
  ConfluenceError,
  RateLimitedError,
  SiteUnreachableError,
  UnauthorizedError,
  UpstreamUnavailableError,
  errorForStatus,
  upstreamMessageOf,
} from "./errors";
import { Pacer } from "./pacer";
import { parseJsonBody, parseListPage, parseWithSchema, type ListPage } from "./parse-response";
import { withQuery, type Query } from "./query";
import { parseRateLimitHeaders, rateLimitWaitMs } from "./rate-limit-headers";
import { routeKey } from "./route-key";
import { toDataCenterPath, toSitePath } from "./site-path";
import { StatsRecorder, type ClientStats } from "./stats";
import { DEFAULT_MAX_JSON_BYTES, sendAttempt, type AttemptResult } from "./transport";

export interface ConfluenceClientOptions {
  /** `https://acme.atlassian.net`, or the simulator's base URL. */
  siteUrl: string;
  auth: ConfluenceAuth;
  /** Starting (and maximum) number of requests in flight; default 8. */
  concurrency?: number;
  /** Retries for 5xx and network failures; default 5. */
  maxRetries?: number;
  /** First backoff delay for 5xx/network retries; default 500 ms (doubles, with jitter, capped at 30 s). */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /** Cap on a single Retry-After wait; default 60 s. */
  maxRetryAfterMs?: number;
  /** Retries of one request after 429s; default 6. */
  maxRateLimitRetries?: number;
  /** Per-attempt deadline (until the body is read; for downloads, until the headers); default 60 s. */
  requestTimeoutMs?: number;
  /** Largest JSON page accepted (counted while it streams in); default 32 MiB. */
  maxJsonBytes?: number;
  /** Largest file `download` streams before failing with ResponseTooLargeError; default 50 MiB. */
  maxDownloadBytes?: number;
  /** Deadline for a whole download, headers and body; default 10 minutes. */
  downloadTimeoutMs?: number;
  /**
   * Origins the operator listed (CONFLUENCE_EXTRA_SITE_ORIGINS): only these may resolve to
   * loopback or private addresses. The OAuth gateway's `apiBaseUrl` is trusted when it is not
   * Atlassian's default (an operator moved it).
   */
  trustedOrigins?: readonly string[];
  /** Consecutive successes before concurrency grows by one after a 429; default 20. */
  recoverAfter?: number;
  /** Cancels every in-flight and queued request and stops retries (a cancelled sync). */
  signal?: AbortSignal;
  logger?: typeof rootLogger;
}

export interface DownloadOptions extends Omit<CallOptions, "query"> {
  /** Overrides the client's `maxDownloadBytes` for this file. */
  maxBytes?: number;
  /** Overrides the client's `downloadTimeoutMs` for this file. */
  timeoutMs?: number;
}

export interface CallOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Override retry budgets for one call (the setup form should not wait minutes). */
  retry?: { maxRetries?: number; maxRateLimitRetries?: number; requestTimeoutMs?: number };
}

export interface ConfluenceClient {
  readonly siteUrl: string;
  readonly authKind: ConfluenceAuth["kind"];
  getJson<S extends z.ZodType>(path: string, options: CallOptions & { schema: S }): Promise<z.output<S>>;
  postJson<S extends z.ZodType>(path: string, options: CallOptions & { body: unknown; schema: S }): Promise<z.output<S>>;
  paginate<S extends z.ZodType>(
    path: string,
    options: CallOptions & { itemSchema: S; cursor?: string },
  ): AsyncGenerator<ListPage<z.output<S>>, void, undefined>;
  /**
   * Attachment bytes. Resolves once the headers are in (after retries of 5xx/429/network
   * failures); the returned Response's body streams and is never buffered here. The body errors
   * with ResponseTooLargeError past `maxBytes` and with ResponseTimeoutError past `timeoutMs`
   * for the whole transfer (also while the reader is slow); a Content-Length over the limit
   * rejects at once with ResponseTooLargeError. Redirects to Atlassian's media hosts are followed.
   */
  download(path: string, options?: DownloadOptions): Promise<Response>;
  stats(): ClientStats;
}

interface RequestSpec extends CallOptions {
  method: string;
  path: string;
  body?: string;
  readBody: boolean;
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
}

const isTransient = (e: unknown) => e instanceof UpstreamUnavailableError || e instanceof SiteUnreachableError;

export function createConfluenceClient(options: ConfluenceClientOptions): ConfluenceClient {
  const credentials = createCredentials(options.siteUrl, options.auth);
  const log = (options.logger ?? rootLogger).child({ component: "confluence-client" });
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const pacer = new Pacer({ concurrency: options.concurrency ?? 8, recoverAfter: options.recoverAfter, maxPauseMs: maxRetryAfterMs });
  const stats = new StatsRecorder();
  options.signal?.addEventListener("abort", () => pacer.dispose(), { once: true });
  const redirectOrigins = [new URL(credentials.baseUrl).origin];
  const trustedOrigins = [...(options.trustedOrigins ?? [])];
  if (options.auth.kind === "oauth" && options.auth.apiBaseUrl && new URL(options.auth.apiBaseUrl).origin !== DEFAULT_API_BASE_URL) {
    trustedOrigins.push(new URL(options.auth.apiBaseUrl).origin);
  }
  const maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  const sitePathOf = isDataCenterAuth(options.auth) ? (link: string) => toDataCenterPath(link, credentials.baseUrl) : toSitePath;

  async function request(spec: RequestSpec): Promise<AttemptResult & { route: string }> {
    const sitePath = withQuery(sitePathOf(spec.path), spec.query);
    const route = routeKey(spec.method, sitePath);
    const url = credentials.baseUrl + sitePath;
    const signals = [options.signal, spec.signal].filter((s): s is AbortSignal => !!s);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const maxRateLimitRetries = spec.retry?.maxRateLimitRetries ?? options.maxRateLimitRetries ?? 6;
    const timeoutMs = spec.retry?.requestTimeoutMs ?? options.requestTimeoutMs ?? 60_000;
    let rateLimitRetries = 0;
    let refreshed = false;

    const attemptUntilNonRateLimited = async (): Promise<AttemptResult & { route: string }> => {
      for (;;) {
        let generation = 0;
        let waitMs = 0;
        // Runs inside the pacer slot: a 429 must pause the queue before this slot frees up,
        // or the next queued request would start in the gap.
        const result = await pacer.run(async () => {
          const startedAt = Date.now();
          const auth = await credentials.authorization();
          generation = auth.generation;
          const headers: Record<string, string> = { Authorization: auth.header, Accept: spec.readBody ? "application/json" : "*/*" };
          if (spec.body !== undefined) headers["Content-Type"] = "application/json";
          const attempt = await stats.attempt(route, () =>
            sendAttempt({
              url,
              method: spec.method,
              headers,
              body: spec.body,
              route,
              timeoutMs,
              signal,
              readBody: spec.readBody,
              maxBodyBytes: spec.maxBodyBytes ?? maxJsonBytes,
              bodyTimeoutMs: spec.bodyTimeoutMs,
              redirectOrigins,
              trustedOrigins,
            }),
          );
          const { response } = attempt;
          pacer.onResponse(response.ok, parseRateLimitHeaders(response.headers, Date.now()));
          if (response.status === 429) {
            stats.rateLimited++;
            const fallback = Math.min(maxRetryAfterMs, retryBaseMs * 2 ** rateLimitRetries);
            waitMs = rateLimitWaitMs(response.headers, Date.now(), maxRetryAfterMs) ?? fallback;
            if (rateLimitRetries < maxRateLimitRetries) pacer.onRateLimited(waitMs, startedAt);
          }
          return attempt;
        }, signal);
        const { response } = result;
        if (response.ok) return { ...result, route };
        const body = parseErrorBody(result.text);
        if (response.status === 429) {
          if (rateLimitRetries >= maxRateLimitRetries) {
            throw new AbortError(new RateLimitedError(`Confluence kept rate-limiting ${route}`, { route }, waitMs));
          }
          rateLimitRetries++;
          stats.retries++;
          log.warn({ route, waitMs, concurrency: pacer.concurrency, reason: response.headers.get("ratelimit-reason") }, "rate limited; pausing the connector");
          continue;
        }
        if (response.status === 401 && credentials.canRefresh && !refreshed) {
          refreshed = true;
          stats.retries++;
          log.info({ route }, "access token rejected; refreshing once");
          await credentials.refresh(generation);
          continue;
        }
        const error = errorForStatus(response.status, route, body);
        if (error instanceof UnauthorizedError && credentials.canRefresh) {
          // "scope does not match" lands here too: name Confluence's reason so a missing scope is visible.
          const said = upstreamMessageOf(body);
          const message = `Confluence rejected the access token for ${route}, even after a refresh${said ? `: ${said}` : ""}`;
          throw new AbortError(new UnauthorizedError(message, { status: 401, route }));
        }
        throw response.status >= 500 ? error : new AbortError(error);
      }
    };

    return pRetry(attemptUntilNonRateLimited, {
      retries: spec.retry?.maxRetries ?? options.maxRetries ?? 5,
      minTimeout: retryBaseMs,
      maxTimeout: options.maxRetryDelayMs ?? 30_000,
      factor: 2,
      randomize: true,
      signal,
      shouldRetry: ({ error }) => isTransient(error),
      onFailedAttempt: ({ error, attemptNumber, retriesLeft, retryDelay }) => {
        if (!isTransient(error) || retriesLeft === 0) return;
        stats.retries++;
        log.warn({ route, attempt: attemptNumber, retryDelay, status: (error as ConfluenceError).status }, "request failed; retrying");
      },
    });
  }

  async function fetchJson(spec: Omit<RequestSpec, "readBody">) {
    const { response, text, route } = await request({ ...spec, readBody: true });
    return { body: parseJsonBody(text ?? "", route, response.status), headers: response.headers, route, status: response.status };
  }

  return {
    siteUrl: options.siteUrl.replace(/\/+$/, ""),
    authKind: options.auth.kind,
    async getJson(path, { schema, ...call }) {
      const { body, route, status } = await fetchJson({ ...call, method: "GET", path });
      return parseWithSchema(schema, body, route, status);
    },
    async postJson(path, { schema, body: payload, ...call }) {
      const { body, route, status } = await fetchJson({ ...call, method: "POST", path, body: JSON.stringify(payload) });
      return parseWithSchema(schema, body, route, status);
    },
    async *paginate(path, { itemSchema, cursor, query, ...call }) {
      let next: string | null = withQuery(sitePathOf(path), cursor ? { ...query, cursor } : query);
      while (next) {
        const { body, headers, route, status } = await fetchJson({ ...call, method: "GET", path: next });
        const page = parseListPage(itemSchema, body, headers, route, status);
        next = page.nextPath;
        yield page;
      }
    },
    async download(path, { maxBytes, timeoutMs, ...call } = {}) {
      const { response } = await request({
        ...call,
        method: "GET",
        path,
        readBody: false,
        maxBodyBytes: maxBytes ?? options.maxDownloadBytes ?? 50 * 1024 * 1024,
        bodyTimeoutMs: timeoutMs ?? options.downloadTimeoutMs ?? 10 * 60_000,
      });
      return response;
    },
    stats: () => stats.snapshot(pacer),
  };
}

function parseErrorBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
