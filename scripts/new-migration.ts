/**
 * `npm run db:migration -- <name> [old-schema-file]`: writes
 * prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the last
 * committed prisma/schema.prisma (or the given file) to the current one. `prisma migrate dev`
 * cannot run its shadow database here (STACK.md); the diff still needs a database to talk
 * to, so a throw-away embedded PostgreSQL serves.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "../lib/platform";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
fs.chmodSync(root, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), password: randomBytes(12).toString("hex"), throwaway: true });
try {
  const oldSchema = process.argv[3] ?? path.join(root, "committed.prisma");
  if (!process.argv[3]) {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: projectDir, encoding: "utf8" });
    fs.writeFileSync(oldSchema, committed);
  }
  const sql = execFileSync(
    process.execPath,
    [
      path.join(projectDir, "node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-schema-datamodel",
      oldSchema,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { cwd: projectDir, env: { ...process.env, DATABASE_URL: server.url, CHECKPOINT_DISABLE: "1" }, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL" },
  );
  if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
    console.log("The schema matches the migrations; nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(projectDir, "prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(projectDir, dir)}/migration.sql`);
  }
} finally {
  await server.stop();
  fs.rmSync(root, { recursive: true, force: true });
}
process.exit(0);
