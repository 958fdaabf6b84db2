import { collectDefaultMetrics, Registry } from "prom-client";
import { METRIC_PREFIX } from "./names";

const globalForMetrics = globalThis as unknown as { processMetrics?: Registry };

/**
 * Node's own metrics of the process that answers the scrape (the web server): CPU, memory,
 * event-loop lag, GC. They need state that lives between scrapes (the event-loop monitor), so
 * this registry is made once per process, unlike the database figures, which are read afresh.
 */
export function processRegistry(): Registry {
  if (!globalForMetrics.processMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: `${METRIC_PREFIX}web_` });
    globalForMetrics.processMetrics = registry;
  }
  return globalForMetrics.processMetrics;
}
