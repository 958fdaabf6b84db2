import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync, runSyncSlice } from ".";

let sim: Simulator;
// Requests are counted exactly, so the burst limit's retried 429s are off.
useSyncTestSite({ seed: 31, spaces: 2, pages: 240, burstPerSecond: 0, latencyMs: 10 }, (started) => (sim = started));

const DOWNLOAD_ROUTE = "GET /wiki/download/attachments/{containerId}/{fileName}";
const READ_ROUTE = "GET /wiki/rest/api/content/{id}/restriction/byOperation/{op}";
const requestsTo = async (route: string) => ((await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> }).routes[route] ?? 0;

describe("downloads and restriction reads, which go on while earlier ones commit", () => {
  it("a full run downloads each attachment exactly once, over several windows of files", async () => {
    const connectorId = await configuredConnector(sim);
    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const files = await db().contentItem.count({ where: { connectorId, type: "attachment", fileSetId: { not: null } } });
    expect(files, "more files than one window (64) holds").toBeGreaterThan(64);
    expect(await db().contentItem.count({ where: { connectorId, type: "attachment", fileSetId: null, fileStatus: null } })).toBe(0);
    expect(await requestsTo(DOWNLOAD_ROUTE)).toBe(files);
  });

  it("a slice stopped partway keeps the groups it stored, and the resumed run reads each node left exactly once", async () => {
    const connectorId = await configuredConnector(sim);
    // The last node in id order keeps being rate-limited: the slice stops after the reads before it.
    const last = sim.store.contentList
      .filter((c) => c.status === "current" && (c.type === "page" || c.type === "blogpost"))
      .map((c) => String(c.id))
      .sort()
      .at(-1)!;
    await simAdmin(sim, "/faults/restrictions", "PUT", { [last]: 429 });
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    const tuning = { clientTuning: { retryBaseMs: 20, maxRetryAfterMs: 50, maxRateLimitRetries: 0 } };
    let outcome = await runSyncSlice(run.id, tuning);
    for (let i = 0; outcome !== "retry_later" && i < 50; i++) outcome = await runSyncSlice(run.id, tuning);
    expect(outcome).toBe("retry_later");

    const storedBefore = await db().readRestriction.count({ where: { connectorId, readRunId: run.id } });
    const left = await db().restrictionToRead.findMany({ where: { connectorId }, select: { nodeId: true } });
    expect(storedBefore, "groups read before the failure were stored").toBeGreaterThanOrEqual(25);
    expect(left.map((r) => r.nodeId)).toContain(last);

    await simAdmin(sim, "/faults/restrictions", "DELETE");
    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    await driveRun(run.id);
    const done = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.status).toBe("completed");
    // Every subject list here fits one page, so a node costs one request: none read twice, none skipped.
    expect(await requestsTo(READ_ROUTE)).toBe(left.length);
    const stored = await db().readRestriction.findMany({ where: { connectorId }, select: { nodeId: true, readRunId: true, state: true } });
    const counters = done.counters as unknown as { permission: { discovered: number; fetched: number; failed: number } };
    expect(stored).toHaveLength(storedBefore + left.length);
    expect(stored.every((r) => r.readRunId === run.id && r.state !== "nobody")).toBe(true);
    expect(counters.permission).toMatchObject({ discovered: stored.length, fetched: stored.length, failed: 0 });
    expect(await db().restrictionToRead.count({ where: { connectorId } })).toBe(0);
  });
});
