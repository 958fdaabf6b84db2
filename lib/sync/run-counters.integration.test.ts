import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent } from "../../test/sync-fixtures";
import { db } from "../db";
import { getRun, requestSync, runSyncSlice } from ".";

let sim: Simulator;
useSyncTestSite({ seed: 31, spaces: 3, pages: 60 }, (started) => (sim = started));

async function sync(connectorId: string, kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
  return getRun(connectorId, run.id);
}

describe("run counters", () => {
  it("count a malformed label as a label failure, not a page failure, and show it on the run", async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    // No admin API makes a bad label; the test owns the simulator, so it edits the store.
    const bad = { id: sim.store.nextId(), name: "", prefix: "global" as const };
    sim.store.labels.set(bad.id, bad);
    page.labels.push(bad.id);
    try {
      const connectorId = await configuredConnector(sim);
      const { run, errors } = await sync(connectorId, "full");
      expect(run.status).toBe("completed_with_errors");
      expect(run.error).toMatch(/^1 label failed/);
      expect(run.counters.label.failed).toBe(1);
      expect(run.counters.label.discovered).toBe(sim.store.labels.size - 1);
      expect(run.counters.page.failed).toBe(0);
      expect(errors).toEqual([expect.objectContaining({ itemType: "label", confluenceId: String(bad.id) })]);
    } finally {
      sim.store.labels.delete(bad.id);
      page.labels.pop();
    }
  });

  it("give an incremental run a total and an ETA from what recent incremental runs went through", async () => {
    const connectorId = await configuredConnector(sim);
    await sync(connectorId, "full");
    const first = await sync(connectorId, "incremental");
    // The first incremental run has no history to go by.
    expect(first.run.counters.page.expected).toBe(0);

    await simAdmin(sim, `/pages/${expectedSiteContent(sim).pages[0]}`, "PUT", { body: "<p>edited</p>" });
    const { run } = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
    const pagesBefore = first.run.counters.page;
    expect(run.counters.page.expected).toBe(pagesBefore.fetched + pagesBefore.unchanged + pagesBefore.failed);
    expect(run.counters.footer_comment.expected).toBeGreaterThan(0);
    await runSyncSlice(run.id, { budgetMs: 0 });
    const running = (await getRun(connectorId, run.id)).run;
    expect(running.status).toBe("running");
    expect(running.etaSeconds).not.toBeNull();
    expect(running.etaSeconds).toBeGreaterThanOrEqual(0);
    await driveRun(run.id);
    expect((await getRun(connectorId, run.id)).run.etaSeconds).toBeNull();
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
  });
});
