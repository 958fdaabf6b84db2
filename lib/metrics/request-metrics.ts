import { Counter, Gauge, type Registry } from "prom-client";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { metricName } from "./names";

/**
 * Requests to Confluence, summed over the request stats every run stores (lib/sync/request-stats.ts):
 * by route pattern (ids replaced, so the label stays bounded and carries no URL) and status. Plus
 * the 429s, retries and pacer waits, and the quota of the latest X-RateLimit-* reading (Atlassian
 * sends these on OAuth traffic; API-token traffic has no points quota, so no reading).
 */
export async function collectRequestMetrics(registry: Registry, connectorIds: string[]): Promise<void> {
  const [requests, totals, quotas] = await Promise.all([
    db().$queryRaw<{ connector_id: string; route: string; status: string; n: number }[]>`
      SELECT r.connector_id, route.key AS route, status.key AS status, sum((status.value #>> '{}')::float8)::float8 AS n
        FROM sync_runs r,
             jsonb_each(CASE WHEN jsonb_typeof(r.request_stats->'requests') = 'object' THEN r.request_stats->'requests' ELSE '{}' END) route,
             jsonb_each(CASE WHEN jsonb_typeof(route.value) = 'object' THEN route.value ELSE '{}' END) status
       WHERE jsonb_typeof(status.value) = 'number'
       GROUP BY 1, 2, 3`,
    db().$queryRaw<{ connector_id: string; rate_limited: number; retries: number; throttled_ms: number }[]>`
      SELECT connector_id,
             coalesce(sum(${num("rateLimited")}), 0)::float8 AS rate_limited,
             coalesce(sum(${num("retries")}), 0)::float8 AS retries,
             coalesce(sum(${num("throttledMs")}), 0)::float8 AS throttled_ms
        FROM sync_runs GROUP BY 1`,
    db().$queryRaw<{ connector_id: string; remaining: number | null; quota_limit: number | null; reset_at: number | null }[]>`
      SELECT DISTINCT ON (connector_id) connector_id,
             (rate_limit->>'remaining')::float8 AS remaining,
             CASE WHEN jsonb_typeof(rate_limit->'limit') = 'number' THEN (rate_limit->>'limit')::float8 END AS quota_limit,
             EXTRACT(EPOCH FROM (rate_limit->>'resetAt')::timestamptz)::float8 AS reset_at
        FROM sync_runs
       WHERE jsonb_typeof(rate_limit->'remaining') = 'number'
       ORDER BY connector_id, created_at DESC`,
  ]);

  const sent = new Counter({
    name: metricName("confluence_requests_total"),
    help: 'HTTP requests sync runs sent to Confluence (retries included), by route pattern and the status answered ("none": no answer, such as a network failure or timeout).',
    labelNames: ["connector_id", "route", "status"],
    registers: [registry],
  });
  for (const row of requests) sent.inc({ connector_id: row.connector_id, route: row.route, status: row.status }, row.n);

  const counters = {
    rate_limited: counter(registry, "confluence_rate_limited_total", "429 (rate limited) answers from Confluence; each paused the connector's requests."),
    retries: counter(registry, "confluence_retries_total", "Requests sent again: after a 429, a 5xx, a network failure or an expired OAuth token."),
    throttled: counter(
      registry,
      "confluence_throttled_seconds_total",
      "Time the connector's requests were held back by its pacer (Retry-After pauses, spacing near the quota).",
    ),
  };
  const byConnector = new Map(totals.map((t) => [t.connector_id, t]));
  for (const connector_id of connectorIds) {
    const t = byConnector.get(connector_id);
    counters.rate_limited.inc({ connector_id }, t?.rate_limited ?? 0);
    counters.retries.inc({ connector_id }, t?.retries ?? 0);
    counters.throttled.inc({ connector_id }, (t?.throttled_ms ?? 0) / 1000);
  }

  const quota = {
    remaining: gauge(registry, "confluence_quota_remaining", "Points left in Confluence's rate-limit window at the latest reading (X-RateLimit-Remaining)."),
    limit: gauge(registry, "confluence_quota_limit", "Points in Confluence's rate-limit window at the latest reading (X-RateLimit-Limit)."),
    reset: gauge(
      registry,
      "confluence_quota_reset_timestamp_seconds",
      "When that window resets (X-RateLimit-Reset), as a Unix time; a reading older than this is stale.",
    ),
  };
  for (const q of quotas) {
    const labels = { connector_id: q.connector_id };
    if (q.remaining !== null) quota.remaining.set(labels, q.remaining);
    if (q.quota_limit !== null) quota.limit.set(labels, q.quota_limit);
    if (q.reset_at !== null) quota.reset.set(labels, q.reset_at);
  }
}

/** A numeric field of request_stats, or null when a run stored none (its runs predate the column). */
function num(field: "rateLimited" | "retries" | "throttledMs"): Prisma.Sql {
  const key = Prisma.raw(`'${field}'`);
  return Prisma.sql`CASE WHEN jsonb_typeof(request_stats->${key}) = 'number' THEN (request_stats->>${key})::float8 END`;
}

function counter(registry: Registry, name: string, help: string) {
  return new Counter({ name: metricName(name), help, labelNames: ["connector_id"], registers: [registry] });
}

function gauge(registry: Registry, name: string, help: string) {
  return new Gauge({ name: metricName(name), help, labelNames: ["connector_id"], registers: [registry] });
}
