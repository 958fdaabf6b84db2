import { describe, expect, it } from "vitest";
import type { Simulator } from "@/simulator";
import { simAdmin, useSyncTestSite } from "@/test/simulator";
import { configuredConnector, driveRun, oauthConnector } from "@/test/sync-fixtures";
import { requestReindex } from "@/lib/content";
import { db } from "@/lib/db";
import { requestSync } from "@/lib/sync";
import { GET } from "./route";

// Read by serverEnv() on first use, which comes after this line in every test below.
const TOKEN = "metrics-token-for-tests-0123456789";
process.env.METRICS_TOKEN = TOKEN;

let sim: Simulator;
// Requests are compared with the site's own counts exactly: no burst 429s on random routes.
useSyncTestSite({ seed: 31, spaces: 2, pages: 30, burstPerSecond: 0 }, (started) => {
  sim = started;
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "metrics-client", clientSecret: "metrics-secret" });
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

async function scrape(authorization: string | null = `Bearer ${TOKEN}`) {
  const response = await GET(new Request("http://localhost:3000/api/metrics", { headers: authorization ? { authorization } : {} }));
  return { response, text: await response.text() };
}

/** The sample lines of the Prometheus text format (prom-client writes, but cannot read, it). */
function samples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** The one sample of `name` whose labels include `labels`; fails when there is none or several. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = select(text, name, labels);
  expect(found, `${name} ${JSON.stringify(labels)}`).toHaveLength(1);
  return found[0]!.value;
}

function select(text: string, name: string, labels: Record<string, string> = {}): Sample[] {
  return samples(text).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

async function fullSync(connectorId: string) {
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  const slices = await driveRun(run.id, { budgetMs: 300 });
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
  return slices;
}

/** The simulator names its placeholders ({containerId}, {op}); our route keys say {id}, and read only restrictions of `read`. */
function inOurRouteNames(routes: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(routes).map(([route, n]) => [route.replace("{op}", "read").replace(/\{(?!fileName\})\w+\}/g, "{id}"), n]));
}

const siteStats = async () => (await (await simAdmin(sim, "/stats", "GET")).json()) as { routes: Record<string, number> };

describe("GET /api/metrics", () => {
  it("reports a real sync: its outcome and duration, every request by route and status as the site counted them, items and the queue", async () => {
    const connectorId = await configuredConnector(sim);
    await simAdmin(sim, "/stats/reset", "POST");
    const slices = await fullSync(connectorId);
    const { response, text } = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const c = { connector_id: connectorId };

    expect(text).toMatch(new RegExp(`^confluence_connector_sync_runs_total\\{connector_id="${connectorId}",kind="full",status="completed"\\} 1$`, "m"));
    expect(valueOf(text, "confluence_connector_sync_runs_total", { ...c, kind: "full", status: "failed" })).toBe(0);
    expect(valueOf(text, "confluence_connector_sync_runs_active", { ...c, kind: "full", status: "running" })).toBe(0);
    expect(valueOf(text, "confluence_connector_sync_run_duration_seconds_count", { ...c, kind: "full" })).toBe(1);
    expect(valueOf(text, "confluence_connector_sync_run_duration_seconds_bucket", { ...c, kind: "full", le: "+Inf" })).toBe(1);
    expect(valueOf(text, "confluence_connector_last_completed_sync_timestamp_seconds", c)).toBeGreaterThan(Date.now() / 1000 - 120);

    // Several slices wrote the run (a short budget), and the sum is still what the site saw, route by route.
    expect(slices).toBeGreaterThan(1);
    const ours: Record<string, number> = {};
    for (const s of select(text, "confluence_connector_confluence_requests_total", c)) ours[s.labels.route!] = (ours[s.labels.route!] ?? 0) + s.value;
    expect(ours).toEqual(inOurRouteNames((await siteStats()).routes));
    expect(valueOf(text, "confluence_connector_confluence_requests_total", { ...c, route: "GET /wiki/api/v2/pages", status: "200" })).toBeGreaterThan(0);
    expect(select(text, "confluence_connector_confluence_requests_total").every((s) => !/\d/.test(s.labels.route!.replace(/\/v\d\//, "/")))).toBe(true);
    expect(valueOf(text, "confluence_connector_confluence_rate_limited_total", c)).toBe(0);
    // API-token traffic carries no points quota, so there is no reading.
    expect(select(text, "confluence_connector_confluence_quota_remaining")).toEqual([]);

    const pages = await db().contentItem.count({ where: { connectorId, type: "page", indexStatus: "indexed" } });
    expect(pages).toBeGreaterThan(0);
    expect(valueOf(text, "confluence_connector_content_items", { ...c, type: "page", index_status: "indexed" })).toBe(pages);
    expect(valueOf(text, "confluence_connector_index_pending_items", c)).toBe(0);
    expect(valueOf(text, "confluence_connector_index_oldest_pending_age_seconds", c)).toBe(0);
    // requestSync queued a slice job; no worker runs in this test to take it.
    expect(valueOf(text, "confluence_connector_queue_jobs", { queue: "sync-run", state: "created" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, "confluence_connector_queue_oldest_ready_age_seconds", { queue: "sync-run" })).toBeGreaterThan(0);
    expect(valueOf(text, "confluence_connector_connector_status", { ...c, status: "active" })).toBe(1);
    expect(valueOf(text, "confluence_connector_web_process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });

  it("counts 429s with their status, the retries and the time the connector was held back", { timeout: 90_000 }, async () => {
    const connectorId = await configuredConnector(sim);
    await simAdmin(sim, "/faults", "PUT", { rate429: 0.1, retryAfterSeconds: 0.2 });
    await fullSync(connectorId);
    await simAdmin(sim, "/faults", "DELETE");
    const { text } = await scrape();
    const c = { connector_id: connectorId };
    const answered429 = select(text, "confluence_connector_confluence_requests_total", { ...c, status: "429" }).reduce((sum, s) => sum + s.value, 0);
    expect(answered429).toBeGreaterThan(0);
    expect(valueOf(text, "confluence_connector_confluence_rate_limited_total", c)).toBe(answered429);
    expect(valueOf(text, "confluence_connector_confluence_retries_total", c)).toBeGreaterThanOrEqual(answered429);
    expect(valueOf(text, "confluence_connector_confluence_throttled_seconds_total", c)).toBeGreaterThan(0);
  });

  it("shows the index lag from when items became pending, and failures by reason class", async () => {
    const connectorId = await configuredConnector(sim);
    await fullSync(connectorId);
    const { pending } = await requestReindex(connectorId);
    expect(pending).toBeGreaterThan(0);
    let { text } = await scrape();
    expect(valueOf(text, "confluence_connector_index_pending_items", { connector_id: connectorId })).toBe(pending);
    expect(valueOf(text, "confluence_connector_index_oldest_pending_age_seconds", { connector_id: connectorId })).toBeLessThan(60);

    // An hour later, a run that merely sees an item (updated_at moves) leaves its wait as it was.
    await db().$executeRaw`UPDATE content_items SET index_pending_since = index_pending_since - interval '1 hour' WHERE connector_id = ${connectorId}`;
    await db().contentItem.updateMany({ where: { connectorId }, data: { lastSeenRunId: null } });
    const [failing, second] = await db().contentItem.findMany({ where: { connectorId, type: "page" }, take: 2, orderBy: { id: "asc" } });
    await db().contentItem.update({ where: { id: failing!.id }, data: { indexStatus: "failed", indexError: "Could not read the PDF: bad XRef entry" } });
    await db().contentItem.update({ where: { id: second!.id }, data: { indexStatus: "failed", indexError: "conversion failed: unexpected end" } });
    ({ text } = await scrape());
    expect(valueOf(text, "confluence_connector_index_oldest_pending_age_seconds", { connector_id: connectorId })).toBeGreaterThanOrEqual(3600);
    expect(valueOf(text, "confluence_connector_index_pending_items", { connector_id: connectorId })).toBe(pending - 2);
    expect(valueOf(text, "confluence_connector_index_failed_items", { connector_id: connectorId, type: "page", reason: "unreadable" })).toBe(1);
    expect(valueOf(text, "confluence_connector_index_failed_items", { connector_id: connectorId, type: "page", reason: "conversion" })).toBe(1);

    // Set pending again, an item waits from now, not from its first wait.
    await db().contentItem.update({ where: { id: failing!.id }, data: { indexStatus: "pending", indexError: null } });
    const since = await db().contentItem.findUniqueOrThrow({ where: { id: failing!.id }, select: { indexPendingSince: true } });
    expect(Date.now() - since.indexPendingSince!.getTime()).toBeLessThan(60_000);
  });

  it("reads the OAuth points quota from the latest X-RateLimit headers", { timeout: 60_000 }, async () => {
    await simAdmin(sim, "/quota", "PUT", { enabled: true, points: 100_000, windowSeconds: 3600 });
    try {
      const connectorId = await oauthConnector(sim, { clientId: "metrics-client", clientSecret: "metrics-secret" });
      await fullSync(connectorId);
      const { text } = await scrape();
      const c = { connector_id: connectorId };
      expect(valueOf(text, "confluence_connector_confluence_quota_limit", c)).toBe(100_000);
      const remaining = valueOf(text, "confluence_connector_confluence_quota_remaining", c);
      const site = (await (await simAdmin(sim, "/stats", "GET")).json()) as { quota: { remaining: number } };
      expect(remaining).toBeLessThan(100_000);
      expect(remaining).toBeGreaterThanOrEqual(site.quota.remaining);
      expect(valueOf(text, "confluence_connector_confluence_quota_reset_timestamp_seconds", c)).toBeGreaterThan(Date.now() / 1000);
    } finally {
      await simAdmin(sim, "/quota", "PUT", { enabled: false });
    }
  });

  it("answers 401 with the error shape to a missing, wrong or non-Bearer token", async () => {
    for (const authorization of [null, "Bearer wrong-token-of-some-length", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const { response, text } = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(JSON.parse(text)).toEqual({ error: "UNAUTHENTICATED", message: expect.stringMatching(/METRICS_TOKEN/) });
    }
  });
});
