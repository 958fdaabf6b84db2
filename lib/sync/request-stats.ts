import type { ClientStats } from "../confluence";

/**
 * What a run asked of Confluence, stored on the run (`sync_runs.request_stats`) with every page
 * commit: attempts by route pattern (ids replaced, never a URL) and status, 429s, retries and the
 * time the pacer held requests back. Each slice has a fresh client, so a slice adds its client's
 * figures to what earlier slices stored. GET /api/metrics sums these across runs, since the web
 * process never sees the worker's client (docs/decisions/012).
 */
export interface RequestStats {
  requests: Record<string, Record<string, number>>;
  rateLimited: number;
  retries: number;
  throttledMs: number;
}

export function emptyRequestStats(): RequestStats {
  return { requests: {}, rateLimited: 0, retries: 0, throttledMs: 0 };
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0);

/** The stored JSON, read leniently: a run from before the column holds `{}`. */
export function parseRequestStats(value: unknown): RequestStats {
  const out = emptyRequestStats();
  if (!value || typeof value !== "object") return out;
  const stored = value as Record<string, unknown>;
  out.rateLimited = count(stored.rateLimited);
  out.retries = count(stored.retries);
  out.throttledMs = count(stored.throttledMs);
  if (stored.requests && typeof stored.requests === "object") {
    for (const [route, statuses] of Object.entries(stored.requests as Record<string, unknown>)) {
      if (!statuses || typeof statuses !== "object") continue;
      out.requests[route] = Object.fromEntries(Object.entries(statuses as Record<string, unknown>).map(([status, n]) => [status, count(n)]));
    }
  }
  return out;
}

/** Earlier slices' figures plus this slice's client. */
export function withClientStats(base: RequestStats, client: ClientStats): RequestStats {
  const requests: RequestStats["requests"] = structuredClone(base.requests);
  for (const [route, statuses] of Object.entries(client.byRouteStatus)) {
    const into = (requests[route] ??= {});
    for (const [status, n] of Object.entries(statuses)) into[status] = (into[status] ?? 0) + n;
  }
  return {
    requests,
    rateLimited: base.rateLimited + client.rateLimited,
    retries: base.retries + client.retries,
    throttledMs: base.throttledMs + Math.round(client.throttledMs),
  };
}
