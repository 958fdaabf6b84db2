import { z } from "zod";

/**
 * The only reader of process.env. Each process (web, worker, launcher) parses what it needs
 * once; a bad or missing value stops it with a message naming the variable (epic-stack).
 */

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const ZEncryptionKeys = z.string({ error: "is required (comma-separated keyId:base64Key pairs, the first is used for new values)" }).transform((value, ctx) => {
  const keys = new Map<string, Buffer>();
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, material] = part.split(":");
    const key = material ? Buffer.from(material, "base64") : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({ code: "custom", message: `entry "${id ?? ""}:…" must be keyId:base64 of exactly 32 bytes` });
      return z.NEVER;
    }
    keys.set(id, key);
  }
  const activeKeyId = [...keys.keys()][0];
  if (!activeKeyId) {
    ctx.addIssue({ code: "custom", message: "holds no key" });
    return z.NEVER;
  }
  return { activeKeyId, keys };
});

const ZPostgresUrl = z
  .string({ error: "is required" })
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgresql://user:password@host:port/database URL");

const ZServerEnv = z.object({
  DATABASE_URL: ZPostgresUrl,
  NEXTAUTH_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.url({ error: "must be the app's public URL, such as http://localhost:3000" }),
  ENCRYPTION_KEYS: ZEncryptionKeys,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Origins accepted as Confluence sites besides *.atlassian.net: the simulator, or a proxy.
  CONFLUENCE_EXTRA_SITE_ORIGINS: z.string().default(""),
  // Data Center sites (origins) this app may reach, on any address, internal ones included.
  // Unset: any Data Center URL on a public address; loopback, private and link-local are refused.
  CONFLUENCE_DC_ORIGINS: z.string().default(""),
  // Where Atlassian's OAuth 2.0 (3LO) lives; tests point these at the simulator.
  ATLASSIAN_AUTH_URL: z.url({ error: "must be a URL such as https://auth.atlassian.com" }).default("https://auth.atlassian.com"),
  ATLASSIAN_API_URL: z.url({ error: "must be a URL such as https://api.atlassian.com" }).default("https://api.atlassian.com"),
  // A worker silent this long has lost its run to another (it was killed, or its machine died).
  SYNC_LEASE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(2).max(600).default(30),
  // How often a worker looks for due schedules and orphaned runs.
  SYNC_SWEEP_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(3600).default(30),
  // Full reconciliation of ids (catching purges) at least this often; "Full resync" forces one.
  SYNC_RECONCILE_HOURS: z.coerce
    .number({ error: "must be a number of hours" })
    .min(0)
    .max(24 * 365)
    .default(24),
  // A reconciliation that would delete more than this share of what is stored (and at least
  // SYNC_DELETE_CONFIRM_MIN records) stops and asks an administrator first.
  SYNC_DELETE_CONFIRM_SHARE: z.coerce.number({ error: "must be a share between 0 and 1, such as 0.25" }).min(0).max(1).default(0.25),
  SYNC_DELETE_CONFIRM_MIN: z.coerce.number({ error: "must be a whole number of records" }).int().min(0).default(20),
  // Incremental runs re-read this many of the restrictions read longest ago (besides those of
  // changed items): a restriction changed on an unchanged page is seen within size/this runs.
  SYNC_RESTRICTION_RECHECK: z.coerce.number({ error: "must be a whole number of nodes" }).int().min(0).default(200),
  // The changes feed keeps deletions this long; a consumer whose cursor is older starts over (410).
  FEED_RETENTION_DAYS: z.coerce.number({ error: "must be a number of days" }).min(1).max(3650).default(30),
  // Turns GET /api/metrics on; scrapers send it as a Bearer token. Unset (or empty): metrics are off.
  METRICS_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "must be at least 16 characters (for example the output of: openssl rand -hex 32)").optional(),
  ),
});
export type ServerEnv = z.infer<typeof ZServerEnv>;

const ZLauncherEnv = z.object({
  DATABASE_URL: ZPostgresUrl.optional(),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: z.url({ error: "must be the app's public URL, such as https://connector.example.com" }).optional(),
  DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEYS: z.string().optional(),
  LOG_LEVEL: z.string().optional(),
});
export type LauncherEnv = z.infer<typeof ZLauncherEnv>;

/** Plain variables; not NodeJS.ProcessEnv, whose Next.js typing demands NODE_ENV. */
export type EnvSource = Record<string, string | undefined>;

function parseOrThrow<T extends z.ZodType>(schema: T, source: EnvSource): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
}

let cached: ServerEnv | undefined;

/** Tests that point the app at another simulator read the environment again on next use. */
export function forgetServerEnv(): void {
  cached = undefined;
}

/** Settings of the web and worker processes; parsed on first use, then cached. */
export function serverEnv(): ServerEnv {
  cached ??= parseOrThrow(ZServerEnv, process.env);
  return cached;
}

/** Settings of the start command, before it has prepared a database and secrets. */
export function launcherEnv(source: EnvSource = process.env): LauncherEnv {
  return parseOrThrow(ZLauncherEnv, source);
}

export function parseServerEnv(source: EnvSource): ServerEnv {
  return parseOrThrow(ZServerEnv, source);
}

export function isProductionBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
