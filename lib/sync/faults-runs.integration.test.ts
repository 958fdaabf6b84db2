import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import { decideDeletions, requestSync, toRunView } from ".";

// Issue 13, items 3 to 5: a run never deletes what it merely failed to read, says when it is
// not complete, and asks before a deletion far larger than usual.
let sim: Simulator;
useSyncTestSite({ seed: 31, spaces: 3, pages: 50 }, (started) => (sim = started));
const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);
afterEach(async () => {
  await admin("/faults/shapes", "DELETE");
});

async function fullRun(connectorId: string) {
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  await driveRun(run.id);
  return db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
}
const counts = (run: { counters: unknown }) => run.counters as Record<string, { failed: number; deleted: number }>;

describe("a full resync against a site whose answers are malformed", () => {
  it("keeps every stored page when spaces fail to parse, and ends Completed with errors naming them", async () => {
    const connectorId = await configuredConnector(sim);
    expect((await fullRun(connectorId)).status).toBe("completed");
    const before = await storedIds(connectorId, "page");
    expect(before).toEqual(expectedSiteContent(sim).pages);

    // Spaces without a key cannot be stored, but their ids still place their content.
    await admin("/faults/shapes", "PUT", { dropTopLevelFields: ["key"] });
    const second = await fullRun(connectorId);
    expect(second.status).toBe("completed_with_errors");
    expect(second.error).toMatch(/^3 spaces failed/);
    expect(counts(second).space!.failed).toBe(3);
    expect(counts(second).page!.deleted).toBe(0);
    expect(await storedIds(connectorId, "page")).toEqual(before);
    expect(await db().confluenceSpace.count({ where: { connectorId } })).toBe(3);
    const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(connector.statusMessage).toMatch(/completed with errors/);
  });

  it("reconciles nothing of a type whose items came without ids, and says which types were not reconciled", async () => {
    const connectorId = await configuredConnector(sim);
    await fullRun(connectorId);
    const stored = await db().contentItem.count({ where: { connectorId } });

    await admin("/faults/shapes", "PUT", { dropFields: ["id"] });
    const second = await fullRun(connectorId);
    expect(second.status).toBe("completed_with_errors");
    expect(second.error).toMatch(/not reconciled because a listing was incomplete/);
    expect(toRunView(second).notReconciled).toContain("page");
    expect(await db().contentItem.count({ where: { connectorId } })).toBe(stored);
  });
});

describe("a full run that would delete a large share of the store", () => {
  it("stops before deleting and asks; Keep them finishes without deleting, Delete them deletes", async () => {
    const connectorId = await configuredConnector(sim);
    await fullRun(connectorId);
    const pages = expectedSiteContent(sim).pages;
    // Simulate access to most of the site being lost: the pages vanish from the listings.
    const vanished = pages.slice(0, Math.ceil(pages.length * 0.6));
    for (const id of vanished) expect((await admin(`/pages/${id}`, "DELETE")).status).toBe(204);

    const paused = await fullRun(connectorId);
    expect(paused.status).toBe("awaiting_confirmation");
    const view = toRunView(paused);
    expect(view.pendingDeletion!.items).toBeGreaterThanOrEqual(vanished.length);
    expect(await storedIds(connectorId, "page")).toEqual(pages);
    await expect(requestSync(connectorId, { kind: "full", trigger: "test" })).rejects.toThrow(/waiting for a decision/);

    await decideDeletions(connectorId, paused.id, "keep");
    await driveRun(paused.id);
    const kept = await db().syncRun.findUniqueOrThrow({ where: { id: paused.id } });
    expect(kept.status).toBe("completed_with_errors");
    expect(kept.error).toMatch(/kept \d+ records Confluence no longer lists/);
    expect(await storedIds(connectorId, "page")).toEqual(pages);
    await expect(decideDeletions(connectorId, paused.id, "delete")).rejects.toThrow(/not waiting/);

    const again = await fullRun(connectorId);
    expect(again.status).toBe("awaiting_confirmation");
    await decideDeletions(connectorId, again.id, "delete");
    await driveRun(again.id);
    const deleted = await db().syncRun.findUniqueOrThrow({ where: { id: again.id } });
    expect(deleted.status).toBe("completed");
    expect(await storedIds(connectorId, "page")).toEqual(expectedSiteContent(sim).pages);
  });
});
