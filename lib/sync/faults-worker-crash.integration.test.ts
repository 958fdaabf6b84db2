/**
 * Fault suite: a worker that dies on a file. The real worker process runs under the Supervisor
 * that `npm start` uses; the test kills it (SIGKILL, as the kernel does on out-of-memory) each
 * time it is in the middle of the same file. The supervisor restarts it; after the second death
 * on that file, the next worker marks it failed with the reason and finishes the run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector, expectedSiteContent } from "../../test/sync-fixtures";
import { spawnWorker, waitFor } from "../../test/worker-process";
import { db, disconnectDb } from "../db";
import { CRASHED_TWICE_REASON } from "../files";
import { stopJobSender } from "../jobs";
import { Supervisor } from "../platform";
import { requestSync } from ".";

let sim: Simulator;
let supervisor: Supervisor | undefined;

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 43, spaces: 1, pages: 4 });
  await resetDatabase();
});
afterAll(async () => {
  await supervisor?.stop();
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

const attemptsOf = async (confluenceId: string) =>
  (await db().contentItem.findFirst({ where: { confluenceId }, select: { fileAttempts: true } }))?.fileAttempts ?? 0;

describe("a file that kills the worker", () => {
  it("is marked failed with the reason after the worker died on it twice, and the run goes on to its end", { timeout: 240_000 }, async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const res = await simAdmin(sim, `/pages/${page.id}/attachments`, "POST", {
      fileName: "poison.pdf",
      mediaType: "application/pdf",
      generate: { kind: "pdf", sizeBytes: 4 * 1024 * 1024, lines: ["Poison file"] },
    });
    const poison = ((await res.json()) as { id: string }).id;
    // Every request takes a while, so the test can catch the worker while the file is in flight.
    await simAdmin(sim, "/faults", "PUT", { latencyMs: 700 });

    const connectorId = await configuredConnector(sim);
    const log: string[] = [];
    supervisor = new Supervisor(
      "worker",
      () => spawnWorker(),
      (m) => log.push(m),
      { initialDelayMs: 200, maxDelayMs: 1000, healthyAfterMs: 60_000 },
    ).start();
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });

    for (const attempt of [1, 2]) {
      await waitFor(async () => (await attemptsOf(poison)) >= attempt, 120_000, `attempt ${attempt} at the file`);
      const victim = supervisor.current!;
      victim.kill("SIGKILL");
      await waitFor(async () => supervisor!.restarts >= attempt && supervisor!.current !== victim, 10_000, "the restart");
    }
    await simAdmin(sim, "/faults", "DELETE");
    const done = await waitFor(
      async () => {
        const r = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
        return r.status !== "queued" && r.status !== "running" ? r : null;
      },
      120_000,
      "the run to finish",
    );

    // The run went on to its end; the one failed file makes it "completed with errors".
    expect(done.status).toBe("completed_with_errors");
    expect(log.filter((l) => /^the worker process \(pid \d+\) exited \(signal SIGKILL\) after .*; restarting it in/.test(l))).toHaveLength(2);
    const errors = await db().syncItemError.findMany({ where: { runId: run.id, confluenceId: poison } });
    expect(errors.map((e) => e.reason)).toContain(CRASHED_TWICE_REASON);
    const record = await db().contentItem.findFirstOrThrow({
      where: { connectorId, confluenceId: poison },
      select: { fileStatus: true, fileSetId: true, indexStatus: true, indexError: true },
    });
    expect(record).toEqual({ fileStatus: "failed", fileSetId: null, indexStatus: "failed", indexError: CRASHED_TWICE_REASON });
    // Every other file was stored: the crashes blamed only the file that was in flight both times.
    const others = await db().contentItem.findMany({
      where: { connectorId, type: "attachment", NOT: { confluenceId: poison } },
      select: { confluenceId: true, fileSetId: true },
    });
    expect(others.map((o) => o.confluenceId).sort()).toEqual(expectedSiteContent(sim).attachments.filter((id) => id !== poison));
    expect(others.filter((o) => o.fileSetId === null)).toEqual([]);
  });
});
