/** Data Center flavour settings: server version (which decides the endpoints served), context path, anonymous access, time zone, rate limit. */
export interface DcRateLimit {
  enabled: boolean;
  /** Tokens added every interval ("Requests allowed" in Confluence's admin screen). */
  fillRate: number;
  intervalSeconds: number;
  /** Bucket size ("Max requests"). */
  maxRequests: number;
}

export interface DcOptions {
  /** Server version, e.g. "8.9" or "9.2.0"; default "9.2.0". */
  version?: string;
  /** Where Confluence lives on the server: "/confluence" (default), "/wiki", or "" for the root. */
  contextPath?: string;
  /** Anonymous access to the site: missing or wrong credentials get anonymous content (200), not a 401. */
  anonymousAccess?: boolean;
  /** The server's default time zone (IANA name), used for dates in responses and CQL date literals; default "Europe/Berlin". */
  timeZone?: string;
  rateLimit?: Partial<DcRateLimit>;
}

export interface DcConfig {
  version: [number, number, number];
  contextPath: string;
  anonymousAccess: boolean;
  timeZone: string;
  rateLimit: DcRateLimit;
}

/** Endpoints that only some versions have (Atlassian's docs: scan 7.18, blog post and comment scan 8.3, relevantViewRestrictions 9.0, space permissions 9.1). */
export const SINCE = {
  scan: [7, 18],
  scanBlogpostsAndComments: [8, 3],
  serverInformation: [9, 0],
  relevantViewRestrictions: [9, 0],
  spacePermissions: [9, 1],
} as const satisfies Record<string, [number, number]>;

export type DcFeature = keyof typeof SINCE;

export function parseVersion(raw: string): [number, number, number] {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(raw.trim());
  if (!m) throw new Error(`Invalid Data Center version "${raw}": use major.minor[.patch], e.g. 8.9 or 9.2.0`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function versionString(v: [number, number, number]): string {
  return v.join(".");
}

export function hasFeature(config: DcConfig, feature: DcFeature): boolean {
  const [major, minor] = SINCE[feature];
  const [a, b] = config.version;
  return a > major || (a === major && b >= minor);
}

export function normalizeContextPath(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, "");
  if (trimmed === "" || trimmed === "/") return "";
  const path = trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(path) || path.startsWith("/__admin"))
    throw new Error(`Invalid context path "${raw}": use something like /confluence, /wiki or an empty string`);
  return path;
}

export function checkTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
  } catch {
    throw new Error(`Unknown time zone "${tz}": use an IANA name such as Europe/Berlin or UTC`);
  }
  return tz;
}

export const DEFAULT_RATE_LIMIT: DcRateLimit = { enabled: true, fillRate: 100, intervalSeconds: 1, maxRequests: 200 };

export function dcConfig(o: DcOptions = {}): DcConfig {
  return {
    version: parseVersion(o.version ?? "9.2.0"),
    contextPath: normalizeContextPath(o.contextPath ?? "/confluence"),
    anonymousAccess: o.anonymousAccess ?? false,
    timeZone: checkTimeZone(o.timeZone ?? "Europe/Berlin"),
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...(o.rateLimit ?? {}) },
  };
}
