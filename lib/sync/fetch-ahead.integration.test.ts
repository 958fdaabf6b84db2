import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

let sim: Simulator;
// One space of 700 pages: its list takes three pages of 250. Requests are counted exactly, so the burst limit is off.
useSyncTestSite({ seed: 37, spaces: 1, pages: 700, burstPerSecond: 0, latencyMs: 5 }, (started) => (sim = started));

const stats = async () => (await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> };
const bodiesServed = async () => ((await (await fetch(`${sim.url}/__admin/stats/bodies`)).json()) as { bodies: Record<string, number> }).bodies;

describe("the next list page, fetched while this one commits", () => {
  it.each([
    ["one slice", 20_000],
    ["a slice per unit", 0],
  ])("asks for each page of a list once and stores every item (%s)", async (_, budgetMs) => {
    const connectorId = await configuredConnector(sim);
    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id, { budgetMs });
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status, `budget ${budgetMs}`).toBe("completed");

    const expected = expectedSiteContent(sim);
    const stored = await db().contentItem.findMany({ where: { connectorId, type: "page" }, select: { confluenceId: true } });
    expect(stored.map((p) => p.confluenceId).sort()).toEqual(expected.pages);
    expect(expected.pages.length).toBeGreaterThan(500);
    // Each list page once (none fetched ahead and then again), each page's body once.
    expect((await stats()).routes["GET /wiki/api/v2/pages"], `budget ${budgetMs}`).toBe(Math.ceil(expected.pages.length / 250));
    const served = await bodiesServed();
    expect(
      Object.values(served).filter((n) => n !== 1),
      `budget ${budgetMs}`,
    ).toEqual([]);
  });
});
