/** Every metric's name starts with this, so the connector's series are easy to find and keep apart. */
export const METRIC_PREFIX = "confluence_connector_";

export const metricName = (name: string): string => `${METRIC_PREFIX}${name}`;
