import path from "node:path";
import pg from "pg";
// Imported by file: the start command needs no Next.js module that lib/auth's front door brings.
import { prepareSetupCode, SETUP_CODE_FILE } from "../auth/setup-code";
import type { LauncherEnv } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { applyMigrations } from "./migrate";

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

export interface Runtime {
  databaseUrl: string;
  embedded: boolean;
  nextauthSecret: string;
  encryptionKeys: string;
  /** While no account exists: the one-time code for the setup page, and where it is saved. */
  setupCode: { code: string; file: string } | null;
  stop(): Promise<void>;
}

async function assertReachable(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new StartupError(
      `Cannot reach the database at ${target.hostname}:${target.port || 5432} (${reason}).\n` +
        "  Check DATABASE_URL, or unset it to use the embedded PostgreSQL.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database and secrets for the web and worker processes. Without DATABASE_URL, a real
 * PostgreSQL runs from `<DATA_DIR>/postgres` and secrets are generated once into DATA_DIR;
 * with it, that server is used and secrets must come from the environment.
 */
export async function prepareRuntime(env: LauncherEnv, projectDir: string, notice: (m: string) => void): Promise<Runtime> {
  const dataDir = path.resolve(projectDir, env.DATA_DIR);
  let databaseUrl = env.DATABASE_URL;
  let stop = async () => {};
  let nextauthSecret = env.NEXTAUTH_SECRET;
  let encryptionKeys = env.ENCRYPTION_KEYS;

  if (!databaseUrl) {
    const secrets = loadOrCreateLocalSecrets(dataDir);
    nextauthSecret ??= secrets.nextauthSecret;
    encryptionKeys ??= secrets.encryptionKeys;
    notice(`starting embedded PostgreSQL (data in ${path.join(dataDir, "postgres")})`);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      password: secrets.postgresPassword,
      onNotice: notice,
    });
    databaseUrl = server.url;
    stop = server.stop;
  } else {
    const missing = [!nextauthSecret && "NEXTAUTH_SECRET", !encryptionKeys && "ENCRYPTION_KEYS"].filter(Boolean);
    if (missing.length) {
      throw new StartupError(`With DATABASE_URL set, ${missing.join(" and ")} must be set too (see the README's Configuration section).`);
    }
    await assertReachable(databaseUrl);
  }

  let setupCode: Runtime["setupCode"] = null;
  try {
    notice("applying database migrations");
    await applyMigrations(databaseUrl, projectDir);
    const code = await prepareSetupCode(databaseUrl, dataDir);
    if (code) setupCode = { code, file: path.join(dataDir, SETUP_CODE_FILE) };
  } catch (err) {
    await stop();
    throw new StartupError(err instanceof Error ? err.message : String(err));
  }
  return { databaseUrl, embedded: !env.DATABASE_URL, nextauthSecret: nextauthSecret!, encryptionKeys: encryptionKeys!, setupCode, stop };
}
