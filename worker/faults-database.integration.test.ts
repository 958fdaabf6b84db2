import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../simulator";
import { startSimulatorForApp, simAdmin } from "../test/simulator";
import { configuredConnector, expectedSiteContent, storedIds } from "../test/sync-fixtures";
import { db, disconnectDb } from "../lib/db";
import { stopJobSender } from "../lib/jobs";
import { applyMigrations, findFreePort, startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/platform";
import { requestSync } from "../lib/sync";
import { spawnWorker, waitFor } from "../test/worker-process";

// Issue 13 item 8: PostgreSQL restarting in the middle of a run is a passing fault. The worker
// keeps going, the run is retried from its checkpoint (not failed), and the store equals the site.
// This file has a PostgreSQL of its own, so restarting it disturbs no other test.
const projectDir = fileURLToPath(new URL("..", import.meta.url));
let sim: Simulator;
let pg: EmbeddedPostgres;
let worker: ChildProcess | undefined;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "db-restart-"));
const password = randomBytes(12).toString("base64url");
let port: number;

const startPg = () => startEmbeddedPostgres({ dataDir: path.join(root, "pg"), password, port });

beforeAll(async () => {
  fs.chmodSync(root, 0o755);
  port = await findFreePort();
  pg = await startPg();
  await applyMigrations(pg.url, projectDir);
  await disconnectDb();
  process.env.DATABASE_URL = pg.url;
  sim = await startSimulatorForApp({ seed: 43, spaces: 3, pages: 90 });
  await simAdmin(sim, "/faults", "PUT", { latencyMs: 60 });
}, 180_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await stopJobSender().catch(() => {});
  await disconnectDb();
  await sim?.close();
  await pg?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Probes fail while the database is away; that only means "not yet". */
const settled =
  <T>(probe: () => Promise<T>) =>
  () =>
    probe().catch(() => null);

describe("the worker while PostgreSQL restarts", () => {
  it("completes the run it was in the middle of, equal to the site", { timeout: 240_000 }, async () => {
    const connectorId = await configuredConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    worker = spawnWorker({ DATABASE_URL: pg.url, LOG_LEVEL: "silent" });
    const runOf = () => db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    await waitFor(
      settled(async () => ((await runOf()).counters as { page?: { fetched?: number } }).page?.fetched),
      90_000,
      "the first pages",
    );

    await stopJobSender();
    await disconnectDb();
    await pg.stop();
    await new Promise((r) => setTimeout(r, 3000));
    pg = await startPg();

    const done = await waitFor(
      async () => {
        const r = await runOf();
        return r.status !== "running" && r.status !== "queued" ? r : null;
      },
      180_000,
      "the run to finish",
    );
    expect(worker.exitCode).toBeNull();
    expect(done.error).toBeNull();
    expect(done.status).toBe("completed");
    const expected = expectedSiteContent(sim);
    expect(await storedIds(connectorId, "page")).toEqual(expected.pages);
    expect(await storedIds(connectorId, "attachment")).toEqual(expected.attachments);
  });
});
