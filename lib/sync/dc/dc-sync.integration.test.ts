import { gunzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Simulator } from "../../../simulator";
import { simAdmin, useSyncTestSite } from "../../../test/simulator";
import { dcConnector, driveRun, expectedSiteContent, storedIds } from "../../../test/sync-fixtures";
import { db } from "../../db";
import { requestSync } from "..";

let sim: Simulator;
useSyncTestSite(
  { seed: 11, spaces: 3, pages: 60, flavor: "datacenter", datacenter: { rateLimit: { enabled: false } } },
  (started) => (sim = started),
);

async function expectStoreEqualsSite(connectorId: string) {
  const expected = expectedSiteContent(sim);
  expect(await storedIds(connectorId, "page")).toEqual(expected.pages);
  expect(await storedIds(connectorId, "blogpost")).toEqual(expected.blogposts);
  expect(await storedIds(connectorId, "footer_comment")).toEqual(expected.footerComments);
  expect(await storedIds(connectorId, "inline_comment")).toEqual(expected.inlineComments);
  expect(await storedIds(connectorId, "attachment")).toEqual(expected.attachments);
}

describe("Data Center full sync", () => {
  it("stores exactly the site's pages, blog posts, comments and attachments, with bodies, chains, labels and files", async () => {
    const connectorId = await dcConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("completed");
    await expectStoreEqualsSite(connectorId);

    const deep = sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && sim.store.ancestors(c).filter((a) => a.type !== "folder").length >= 2)!;
    const stored = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(deep.id) } });
    const chain = sim.store.ancestors(deep).filter((a) => a.type !== "folder").map((a) => String(a.id));
    expect(stored.ancestorIds).toEqual(chain);
    expect(stored.webUrl).toContain(sim.dc!.baseUrl);
    expect(gunzipSync(stored.bodyStorageGz!).toString()).toContain("<");
    const labelled = sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && c.labels.length > 0);
    if (labelled) {
      const row = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(labelled.id) } });
      const names = labelled.labels.map((id) => sim.store.labels.get(id)!.name).sort();
      expect([...row.labels].sort()).toEqual(names);
    }
    expect(await db().contentItem.count({ where: { connectorId, type: "attachment", fileSetId: null } })).toBe(0);
    const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(connector.serverVersion).toBe(sim.dc!.version);
    expect(connector.serverTimeZone).toBe(sim.dc!.timeZone);
  });

  it("walks a server without /content/scan (7.13) by start/limit, taking the next start from what came back", async () => {
    await simAdmin(sim, "/dc/config", "PUT", { version: "7.13" });
    try {
      const connectorId = await dcConnector(sim, { password: true });
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await simAdmin(sim, "/stats/reset", "POST");
      await driveRun(run.id);
      await expectStoreEqualsSite(connectorId);
      const stats = (await (await simAdmin(sim, "/stats", "GET")).json()) as { routes: Record<string, number> };
      expect(Object.keys(stats.routes).some((r) => r.includes("/content/scan"))).toBe(false);
      expect(stats.routes["GET /confluence/rest/api/content"]).toBeGreaterThan(0);
    } finally {
      await simAdmin(sim, "/dc/config", "PUT", { version: "9.2.0" });
    }
  });
});

describe("Data Center incremental sync", () => {
  it("picks up edits, new pages and new comments by CQL in the server's time zone, with a few requests", async () => {
    // West of UTC: a CQL date written in UTC would lie hours after the edits and miss them.
    await simAdmin(sim, "/dc/config", "PUT", { timeZone: "America/Los_Angeles" });
    onTestFinished(() => simAdmin(sim, "/dc/config", "PUT", { timeZone: "Europe/Berlin" }).then(() => undefined));
    const connectorId = await dcConnector(sim);
    const full = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(full.run.id);
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const space = sim.store.spaces.get(page.spaceId)!;
    await simAdmin(sim, `/pages/${page.id}`, "PUT", { body: "<p>edited on the server</p>", title: "Edited title ✓" });
    const created = (await (await simAdmin(sim, "/pages", "POST", { spaceKey: space.key, title: "Brand new", parentId: String(page.id), body: "<p>new</p>" })).json()) as {
      id: number | string;
    };
    await simAdmin(sim, `/pages/${created.id}/comments`, "POST", { body: "<p>first!</p>", kind: "footer" });
    await simAdmin(sim, "/stats/reset", "POST");

    const { run } = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed");
    const edited = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(page.id) } });
    expect(edited.title).toBe("Edited title ✓");
    expect(gunzipSync(edited.bodyStorageGz!).toString()).toContain("edited on the server");
    const added = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(created.id) } });
    expect(added.ancestorIds.at(-1)).toBe(String(page.id));
    expect(await db().contentItem.count({ where: { connectorId, type: "footer_comment", containerId: String(created.id) } })).toBe(1);
    await expectStoreEqualsSite(connectorId);
    // Spaces, version and zone, then one search per type (3 spaces fit in one batch).
    expect(finished.requestCount).toBeLessThanOrEqual(8);
  });
});
