import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../simulator";
import { resetDatabase } from "../test/db";
import { startSimulatorForApp } from "../test/simulator";
import { configuredConnector, dcConnector, expectedSiteContent, storedIds } from "../test/sync-fixtures";
import { spawnWorker, waitFor } from "../test/worker-process";
import { db, disconnectDb } from "../lib/db";
import { stopJobSender } from "../lib/jobs";
import { requestSync } from "../lib/sync";

// The same guarantees for both sources: a Cloud site and the same site served as Data Center.
describe.each(["cloud", "datacenter"] as const)("%s", (flavor) => {
  let sim: Simulator;
  const workers: ChildProcess[] = [];

  /** A real worker process (test/worker-process.ts), with a short lease so a killed one is replaced fast. */
  function startWorker(): ChildProcess {
    const child = spawnWorker();
    workers.push(child);
    return child;
  }

  const runOf = (id: string) => db().syncRun.findUniqueOrThrow({ where: { id } });
  const pagesFetched = (run: { counters: unknown }) => (run.counters as { page?: { fetched?: number } }).page?.fetched ?? 0;

  beforeAll(async () => {
    sim = await startSimulatorForApp({
      seed: 23,
      spaces: 3,
      pages: 90,
      ...(flavor === "datacenter" ? { flavor, datacenter: { rateLimit: { enabled: false } } } : {}),
    });
  });
  const connect = () => (flavor === "cloud" ? configuredConnector(sim) : dcConnector(sim));
  beforeEach(async () => {
    await resetDatabase();
    await fetch(`${sim.url}/__admin/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs: 40 }) });
  });
  afterEach(() => {
    for (const w of workers.splice(0)) w.kill("SIGKILL");
  });
  afterAll(async () => {
    await stopJobSender();
    await sim.close();
    await disconnectDb();
  });

  describe("the worker process", () => {
    it("resumes from the last checkpoint after SIGKILL and ends equal to the site, with no duplicates", { timeout: 120_000 }, async () => {
      const connectorId = await connect();
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      const first = startWorker();
      await waitFor(async () => pagesFetched(await runOf(run.id)) > 0, 60_000, "the first pages");
      first.kill("SIGKILL");
      const atKill = await runOf(run.id);
      expect(atKill.status).toBe("running");

      startWorker();
      const done = await waitFor(
        async () => {
          const r = await runOf(run.id);
          return r.status !== "running" && r.status !== "queued" ? r : null;
        },
        90_000,
        "the run to finish",
      );
      expect(done.status).toBe("completed");
      const expected = expectedSiteContent(sim);
      expect(await storedIds(connectorId, "page")).toEqual(expected.pages);
      expect(await storedIds(connectorId, "attachment")).toEqual(expected.attachments);
      // Counted once each: the page that was in flight at the kill was redone, not double-counted.
      expect(pagesFetched(done)).toBe(expected.pages.length);
    });

    it("two workers share the queue and never run one connector's sync twice", { timeout: 120_000 }, async () => {
      const connectorId = await connect();
      startWorker();
      startWorker();
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      const done = await waitFor(
        async () => {
          const r = await runOf(run.id);
          return r.status === "completed" || r.status === "failed" ? r : null;
        },
        90_000,
        "the run to finish",
      );
      expect(done.status).toBe("completed");
      expect(pagesFetched(done)).toBe(expectedSiteContent(sim).pages.length);
      expect(await db().syncRun.count({ where: { connectorId } })).toBe(1);
      expect(await storedIds(connectorId, "blogpost")).toEqual(expectedSiteContent(sim).blogposts);
    });
  });
});
