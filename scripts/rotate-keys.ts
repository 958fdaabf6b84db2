/**
 * `npm run rotate-keys`: re-encrypts every stored secret with the first key of ENCRYPTION_KEYS,
 * in one transaction, and lists anything still on an old key. It finds the database and the
 * keys as `npm start` does: DATABASE_URL and ENCRYPTION_KEYS from the environment, or else
 * the embedded PostgreSQL and `<DATA_DIR>/secrets.json` (stop `npm start` first: the embedded
 * database has one owner at a time).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, launcherEnv } from "../lib/env";
import { prepareRuntime, StartupError } from "../lib/platform";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (message: string) => console.log(`[rotate-keys] ${message}`);

async function main(): Promise<number> {
  const env = launcherEnv();
  const runtime = await prepareRuntime(env, projectDir, say);
  try {
    Object.assign(process.env, {
      DATABASE_URL: runtime.databaseUrl,
      ENCRYPTION_KEYS: runtime.encryptionKeys,
      NEXTAUTH_SECRET: runtime.nextauthSecret,
      NEXTAUTH_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    });
    // Loaded once the environment is set: lib/env reads it on first use.
    const { rotateStoredSecrets } = await import("../lib/connectors");
    const { disconnectDb } = await import("../lib/db");
    try {
      const report = await rotateStoredSecrets();
      say(`active key "${report.activeKeyId}": re-encrypted ${report.rotated}, already on it ${report.alreadyCurrent}`);
      if (report.stale.length === 0) {
        say("every stored secret is on the active key; older keys can be removed from ENCRYPTION_KEYS");
        return 0;
      }
      say(`${report.stale.length} stored secret(s) are still on an old key and could not be decrypted:`);
      for (const s of report.stale) say(`  ${s.table}.${s.column} of ${s.id} (key "${s.keyId ?? "?"}"): ${s.reason}`);
      say("add the missing key to ENCRYPTION_KEYS and run again, or enter those credentials again in the app");
      return 2;
    } finally {
      await disconnectDb();
    }
  } finally {
    await runtime.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof StartupError || err instanceof ConfigError ? err.message : String(err instanceof Error ? err.stack : err);
    console.error(`[rotate-keys] ${message}`);
    if (/postmaster\.pid|already running|lock file/i.test(message)) {
      console.error("[rotate-keys] the embedded database is in use: stop npm start, then run npm run rotate-keys again");
    }
    process.exit(1);
  },
);
