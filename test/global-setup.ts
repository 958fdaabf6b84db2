import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/platform";

let server: EmbeddedPostgres | undefined;
let dataRoot: string | undefined;

/**
 * One real PostgreSQL for the app's integration tests: a throw-away cluster in the OS temp
 * folder (deleted afterwards), migrated like production. Without DATABASE_URL only.
 */
export async function setup() {
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
  process.env.ENCRYPTION_KEYS ??= `test:${randomBytes(32).toString("base64")}`;
  process.env.LOG_LEVEL ??= "silent";
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  } else {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "connector-test-"));
    fs.chmodSync(dataRoot, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, "postgres"),
      password: randomBytes(12).toString("base64url"),
      throwaway: true,
    });
    process.env.DATABASE_URL = server.url;
  }
  await applyMigrations(process.env.DATABASE_URL, fileURLToPath(new URL("..", import.meta.url)));
}

export async function teardown() {
  await server?.stop();
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
}
