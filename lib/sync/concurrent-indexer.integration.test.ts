import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db } from "../db";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import { planSteps } from "./plan";
import { alongsideIndexing, type SyncStep } from "./step-context";
import { requestSync } from ".";

let sim: Simulator;
useSyncTestSite({ seed: 23, spaces: 2, pages: 40, burstPerSecond: 0 }, (started) => (sim = started));

const indexStatuses = async (connectorId: string) => {
  const rows = await db().contentItem.groupBy({ by: ["type", "indexStatus"], where: { connectorId }, _count: true });
  return Object.fromEntries(rows.map((r) => [`${r.type}:${r.indexStatus}`, r._count]));
};

describe("indexing beside the walk", () => {
  it("pages are indexed while later steps run, attachments only once their files are in; the run ends with each item indexed once", async () => {
    const connectorId = await configuredConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    const seen: Record<string, Record<string, number>> = {};
    // Probes between steps note what the index holds; a probe has no indexAlongside, so the
    // indexer finishes its batch before it runs.
    const probe = (name: string, options: { untilDocumentsIndexed?: boolean } = {}): SyncStep => ({
      name,
      phase: "permissions",
      async runOnce(ctx) {
        if (options.untilDocumentsIndexed) {
          const documentsPending = async () =>
            Object.keys(await indexStatuses(connectorId)).some((k) => k.endsWith(":pending") && !k.startsWith("attachment:"));
          while (await documentsPending()) await new Promise((r) => setTimeout(r, 100));
          // Time for the indexer to look for attachments (it checks every 250 ms when idle).
          await new Promise((r) => setTimeout(r, 1500));
        }
        seen[name] = await indexStatuses(connectorId);
        await commitPage(ctx, { next: nextStep(ctx.checkpoint) });
      },
    });
    await driveRun(run.id, {
      plan: (kind) => {
        const steps = planSteps(kind);
        const at = (name: string) => steps.findIndex((s) => s.name === name);
        // Beside this probe the indexer may take attachments ("all"), but none has its file yet.
        steps.splice(at("permissions"), 0, alongsideIndexing("all", probe("before_permissions", { untilDocumentsIndexed: true })));
        steps.splice(at("indexing"), 0, probe("before_indexing"));
        return steps;
      },
    });
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed");
    // Documents were indexed during the comment and attachment listings; no attachment was, even
    // with the indexer allowed to take them: their files were still to come.
    expect(seen.before_permissions!["page:indexed"]).toBeGreaterThan(0);
    expect(seen.before_permissions!["attachment:indexed"]).toBeUndefined();
    expect(seen.before_permissions!["attachment:pending"]).toBeGreaterThan(0);
    // Attachments were indexed beside the permissions step, as their files came in beside its reads.
    expect(seen.before_indexing!["attachment:indexed"]).toBeGreaterThan(0);
    // At the end nothing is pending, and the counters count each item once.
    const end = await indexStatuses(connectorId);
    expect(Object.keys(end).filter((k) => k.endsWith(":pending"))).toEqual([]);
    const counters = finished.counters as Record<string, { indexed: number }>;
    for (const type of ["page", "blogpost", "footer_comment", "attachment"]) expect(counters[type]!.indexed, type).toBe(end[`${type}:indexed`] ?? 0);
    const chunkItems = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(DISTINCT content_item_id) AS n FROM search_chunks WHERE connector_id = ${connectorId}`;
    expect(Number(chunkItems[0]!.n)).toBeGreaterThan(0);
  });
});
