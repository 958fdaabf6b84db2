/**
 * Operators' metrics: GET /api/metrics in Prometheus text, behind METRICS_TOKEN, computed from
 * PostgreSQL at each scrape (docs/decisions/012).
 */
export { readMetrics, type MetricsText } from "./read-metrics";
export { assertMetricsAccess } from "./access";
export { METRIC_PREFIX } from "./names";
