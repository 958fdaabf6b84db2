import { Gauge, Registry } from "prom-client";
import { db } from "../db";
import { isDatabaseUnavailable } from "../db-errors";
import { AppError } from "../errors";
import { logger } from "../logger";
import { assertMetricsAccess } from "./access";
import { collectContentMetrics } from "./content-metrics";
import { metricName } from "./names";
import { processRegistry } from "./process-metrics";
import { collectQueueMetrics } from "./queue-metrics";
import { collectRequestMetrics } from "./request-metrics";
import { collectRunMetrics } from "./run-metrics";

const CONNECTOR_STATUSES = ["not_configured", "authenticated", "needs_reauth", "active", "syncing", "error"];

export interface MetricsText {
  text: string;
  contentType: string;
}

/**
 * The Prometheus text for GET /api/metrics. Runs, requests, items, the index and the queue are
 * written by the worker and read here from PostgreSQL at every scrape, into a registry made for
 * that scrape: the web process holds no counters of its own that a second process would miss
 * (docs/decisions/012). The web process's own Node metrics are added.
 */
export async function readMetrics(authorization: string | null): Promise<MetricsText> {
  assertMetricsAccess(authorization);
  const scrape = new Registry();
  try {
    const connectors = await db().connector.findMany({ select: { id: true, name: true, status: true, enabled: true }, orderBy: { createdAt: "asc" } });
    const ids = connectors.map((c) => c.id);
    await Promise.all([collectRunMetrics(scrape, ids), collectRequestMetrics(scrape, ids), collectContentMetrics(scrape, ids), collectQueueMetrics(scrape)]);
    connectorMetrics(scrape, connectors);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "metrics: the database did not answer");
    throw new AppError("UNAVAILABLE", "The database is not answering, so there are no metrics to read; the reason is in the server log.");
  }
  const merged = Registry.merge([processRegistry(), scrape]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}

function connectorMetrics(registry: Registry, connectors: { id: string; name: string; status: string; enabled: boolean }[]): void {
  const info = new Gauge({
    name: metricName("connector_info"),
    help: "One series per connector, always 1, carrying its name (join on connector_id).",
    labelNames: ["connector_id", "name"],
    registers: [registry],
  });
  const status = new Gauge({
    name: metricName("connector_status"),
    help: "1 for the connector's current status (needs_reauth: an administrator must authenticate it again), 0 for the others.",
    labelNames: ["connector_id", "status"],
    registers: [registry],
  });
  const enabled = new Gauge({
    name: metricName("connector_enabled"),
    help: "1 when the connector is enabled (it syncs), 0 when an administrator disabled it.",
    labelNames: ["connector_id"],
    registers: [registry],
  });
  for (const c of connectors) {
    info.set({ connector_id: c.id, name: c.name }, 1);
    for (const s of CONNECTOR_STATUSES) status.set({ connector_id: c.id, status: s }, c.status === s ? 1 : 0);
    enabled.set({ connector_id: c.id }, c.enabled ? 1 : 0);
  }
}
