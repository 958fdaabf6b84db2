import { spawn } from "node:child_process";
import path from "node:path";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Applies prisma/migrations with `prisma migrate deploy` (the JS schema engine; no download).
 * Prisma 6.19's CLI keeps a 10 s timer alive after it has finished, so once it reports
 * success we end it instead of waiting (docs/decisions/001-prisma-offline.md).
 */
export function applyMigrations(databaseUrl: string, projectDir = process.cwd()): Promise<void> {
  return new Promise((resolve, reject) => {
    const prismaBin = path.join(projectDir, "node_modules", "prisma", "build", "index.js");
    const child = spawn(process.execPath, [prismaBin, "migrate", "deploy"], {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let succeeded = false;
    const onOutput = (chunk: Buffer) => {
      output += chunk;
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        setTimeout(() => child.kill("SIGTERM"), 100);
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", reject);
    child.on("close", (code) => {
      if (succeeded || code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
