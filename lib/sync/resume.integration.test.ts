import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import { planSteps } from "./plan";
import type { SyncStep } from "./step-context";
import { requestSync, runSyncSlice } from ".";

let sim: Simulator;
// These tests count requests exactly: the burst limit's 429s (retried, and counted like any request)
// would land on a random route, so it is off here; lib/confluence's tests cover the retry.
useSyncTestSite({ seed: 17, spaces: 3, pages: 60, burstPerSecond: 0 }, (started) => (sim = started));
const routes = async () => ((await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> }).routes;
const resetStats = () => fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
const checkpointOf = async (runId: string) => (await db().syncRun.findUniqueOrThrow({ where: { id: runId } })).checkpoint as Record<string, unknown>;

/** A full run driven one unit per slice until its checkpoint names `step` (the pages step is then done). */
async function runUntil(step: string) {
  const connectorId = await configuredConnector(sim);
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  for (let i = 0; (await checkpointOf(run.id)).step !== step; i++) {
    expect(i, `the run reaches ${step}`).toBeLessThan(100);
    await runSyncSlice(run.id, { budgetMs: 0 });
  }
  return { connectorId, runId: run.id };
}

async function expectCompletedAndEqualToSite(runId: string, connectorId: string) {
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("completed");
  expect(await storedIds(connectorId, "page")).toEqual(expectedSiteContent(sim).pages);
  expect(await storedIds(connectorId, "blogpost")).toEqual(expectedSiteContent(sim).blogposts);
}

describe("checkpoints across a deploy that changes the plan", () => {
  it("resume at the step they name when the new plan inserted a step before it", async () => {
    const { connectorId, runId } = await runUntil("blogposts");
    const ran: string[] = [];
    const inserted: SyncStep = {
      name: "audit",
      phase: "discovering_spaces",
      async runOnce(ctx) {
        ran.push("audit");
        await commitPage(ctx, { phase: "discovering_spaces", next: nextStep(ctx.checkpoint) });
      },
    };
    await resetStats();
    await driveRun(runId, { plan: (kind) => [inserted, ...planSteps(kind)] });
    // By position the run would have landed one step early, on the pages listing, and repeated it.
    expect(ran).toEqual([]);
    expect((await routes())["GET /wiki/api/v2/pages"]).toBeUndefined();
    expect((await routes())["GET /wiki/api/v2/blogposts"]).toBeGreaterThan(0);
    await expectCompletedAndEqualToSite(runId, connectorId);
  });

  it("read an old numeric checkpoint as the step it meant under the old plan", async () => {
    const { connectorId, runId } = await runUntil("blogposts");
    const { step: _named, ...rest } = await checkpointOf(runId);
    // Index 3 of the plan before folders, ancestors and step names: the blog posts listing.
    await db().syncRun.update({ where: { id: runId }, data: { checkpoint: { ...rest, stepIndex: 3 } as Prisma.InputJsonValue } });
    await resetStats();
    await driveRun(runId);
    expect((await routes())["GET /wiki/api/v2/pages"]).toBeUndefined();
    await expectCompletedAndEqualToSite(runId, connectorId);
    expect((await checkpointOf(runId)).step).toBe("(end)");
  });

  it("restart from the first step when the plan no longer has the named step, and still end equal to the site", async () => {
    const { connectorId, runId } = await runUntil("blogposts");
    await db().syncRun.update({
      where: { id: runId },
      data: { checkpoint: { ...(await checkpointOf(runId)), step: "removed_step" } as Prisma.InputJsonValue },
    });
    await resetStats();
    await driveRun(runId);
    expect((await routes())["GET /wiki/api/v2/spaces"]).toBe(1);
    await expectCompletedAndEqualToSite(runId, connectorId);
  });
});
