import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expectStoreEqualsSite as storeEqualsSite } from "../../test/store-equals-site";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector as cloudConnector, dcConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync, runSyncSlice } from ".";

/**
 * The sync's behaviour on one site served as Confluence Cloud and as Data Center (the same
 * generated content through each one's API): one engine, two sources, the same guarantees.
 */
describe.each(["cloud", "datacenter"] as const)("%s", (flavor) => {
  let sim: Simulator;
  useSyncTestSite(
    { seed: 11, spaces: 3, pages: 60, ...(flavor === "datacenter" ? { flavor, datacenter: { rateLimit: { enabled: false } } } : {}) },
    (started) => (sim = started),
  );
  const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);
  const configuredConnector = (s: Simulator, config?: NonNullable<Parameters<typeof dcConnector>[1]>["config"]) =>
    flavor === "cloud" ? cloudConnector(s, config) : dcConnector(s, { config });

  const expectStoreEqualsSite = (connectorId: string) => storeEqualsSite(sim, connectorId);

  describe("full sync", () => {
    it("stores exactly the site's pages, blog posts, comments and attachments, each once, with bodies and files", async () => {
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id);
      await expectStoreEqualsSite(connectorId);

      const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(finished.status).toBe("completed");
      // The count query at the start gives the dashboard a total: the site's current pages.
      const currentPages = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current").length;
      if (flavor === "cloud") expect((finished.counters as Record<string, { expected: number }>).page!.expected).toBe(currentPages);
      const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, type: "page" } });
      expect(gunzipSync(page.bodyStorageGz!).toString()).toContain("<");
      const missingFiles = await db().contentItem.count({ where: { connectorId, type: "attachment", fileSetId: null } });
      expect(missingFiles).toBe(0);
      const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
      expect(connector.status).toBe("active");
      expect(connector.lastSyncAt).not.toBeNull();
    });

    it("resumes from its checkpoint: one page per slice ends in the same state, with no duplicates", async () => {
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      const slices = await driveRun(run.id, { budgetMs: 0 });
      expect(slices).toBeGreaterThan(8);
      await expectStoreEqualsSite(connectorId);
      const counters = (await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).counters as Record<string, { fetched: number }>;
      expect(counters.page!.fetched).toBe(expectedSiteContent(sim).pages.length);
    });

    it("survives 5% injected server errors and ends equal to the site", async () => {
      await admin("/faults", "PUT", { rate5xx: 0.05 });
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id);
      await admin("/faults", "DELETE");
      await expectStoreEqualsSite(connectorId);
    });

    it("rides out a 429 storm: every request eventually succeeds and the store equals the site", { timeout: 120_000 }, async () => {
      await admin("/faults", "PUT", { rate429: 0.3, retryAfterSeconds: 1 });
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id, { clientTuning: { retryBaseMs: 20, maxRetryAfterMs: 2000, maxRateLimitRetries: 20 } });
      await admin("/faults", "DELETE");
      expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
      await expectStoreEqualsSite(connectorId);
    });

    it("skips files over the download limit, with the reason on the run and on the record, and completes the rest", async () => {
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id, { maxDownloadBytes: 1 });
      const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(finished.status).toBe("completed");
      const attachments = expectedSiteContent(sim).attachments.length;
      expect((finished.counters as Record<string, { skipped: number; failed: number }>).attachment).toMatchObject({ skipped: attachments, failed: 0 });
      const errors = await db().syncItemError.findMany({ where: { runId: run.id, itemType: "attachment" } });
      expect(errors.length).toBe(attachments);
      expect(errors[0]!.reason).toMatch(/^Skipped: the file is [\d.]+ (bytes|KB|MB), over the 1 byte download limit$/);
      const record = await db().contentItem.findFirstOrThrow({
        where: { connectorId, type: "attachment" },
        select: { indexStatus: true, indexError: true, fileStatus: true },
      });
      expect(record).toMatchObject({ indexStatus: "skipped", fileStatus: "skipped" });
      expect(record.indexError).toMatch(/^Skipped: the file is .* over the 1 byte download limit$/);
      expect(await storedIds(connectorId, "page")).toEqual(expectedSiteContent(sim).pages);
    });

    it("applies the Not In space filter at the source", async () => {
      const excluded = [...sim.store.spaces.values()].find((s) => s.type === "global")!;
      const connectorId = await configuredConnector(sim, {
        filters: { spaces: { operator: "not_in", keys: [excluded.key] }, pageIds: [], blogPostIds: [], modified: null, created: null },
      });
      await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id);
      const stored = await db().contentItem.findMany({ where: { connectorId, type: "page" }, select: { spaceConfluenceId: true } });
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.some((s) => s.spaceConfluenceId === String(excluded.id))).toBe(false);
      // No body of the excluded space's pages or blog posts was ever served.
      const served = ((await (await fetch(`${sim.url}/__admin/stats/bodies`)).json()) as { bodies: Record<string, number> }).bodies;
      const excludedIds = new Set(sim.store.contentList.filter((c) => c.spaceId === excluded.id).map((c) => String(c.id)));
      expect(excludedIds.size).toBeGreaterThan(0);
      expect(Object.keys(served).filter((id) => excludedIds.has(id))).toEqual([]);
      expect(Object.keys(served).length).toBeGreaterThan(0);
    });

    it("stops as Needs re-authentication when the site rejects the API token", async () => {
      const connectorId = await configuredConnector(sim);
      const rotate = (to: string) =>
        flavor === "cloud"
          ? admin(`/users/${sim.admin.accountId}`, "PATCH", { apiToken: to })
          : admin(`/dc/users/${sim.dc!.admin.username}`, "PUT", { pat: to });
      await rotate("rotated-token");
      try {
        const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
        await driveRun(run.id);
        const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
        expect(finished.status).toBe("failed");
        const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
        expect(connector.status).toBe("needs_reauth");
        expect(connector.statusMessage).toMatch(/rejected the stored credentials .*authenticate again/);
      } finally {
        await rotate(flavor === "cloud" ? sim.admin.apiToken : sim.dc!.admin.pat);
      }
    });

    it("lets only one of two racing slices hold a run", async () => {
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      const outcomes = await Promise.all([runSyncSlice(run.id, { budgetMs: 300 }), runSyncSlice(run.id, { budgetMs: 300 })]);
      expect(outcomes.filter((o) => o === "not_claimed")).toHaveLength(1);
      await expect(requestSync(connectorId, { kind: "full", trigger: "test" })).rejects.toMatchObject({ code: "CONFLICT" });
    });
  });

  describe("full resync", () => {
    it("removes what was purged from Confluence, which leaves no trace in any listing", async () => {
      const connectorId = await configuredConnector(sim);
      const first = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(first.run.id);
      const purged = expectedSiteContent(sim).blogposts[0]!;
      await admin(`/blogposts/${purged}`, "DELETE");
      const second = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(second.run.id);
      expect(await db().contentItem.count({ where: { connectorId, confluenceId: purged } })).toBe(0);
      const counters = (await db().syncRun.findUniqueOrThrow({ where: { id: second.run.id } })).counters as Record<string, { deleted: number }>;
      expect(counters.blogpost!.deleted).toBe(1);
      await expectStoreEqualsSite(connectorId);
    });
  });

  describe("incremental sync", () => {
    it("follows a page moved to another space, even when the move made no new version", async () => {
      const connectorId = await configuredConnector(sim);
      const page = sim.store.contentList.find(
        (c) => c.type === "page" && c.status === "current" && c.parentId !== null && !sim.store.contentList.some((k) => k.parentId === c.id),
      )!;
      // The page's latest version is two hours old (older than any overlap); the move below then
      // changes only its last-modified time, which the newest-first list sorts by.
      await admin(`/pages/${page.id}`, "PUT", { body: "<p>Before the move</p>" });
      page.versionTimes!.set(page.version, Date.now() - 2 * 60 * 60_000);
      const full = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(full.run.id);
      const target = [...sim.store.spaces.values()].find((s) => s.status === "current" && s.type === "global" && s.id !== page.spaceId)!;
      const moved = await admin(`/pages/${page.id}/move`, "POST", { parentId: null, spaceId: String(target.id) });
      expect(moved.ok).toBe(true);

      const incremental = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
      await driveRun(incremental.run.id);
      const stored = await db().contentItem.findUniqueOrThrow({ where: { connectorId_confluenceId: { connectorId, confluenceId: String(page.id) } } });
      expect(stored.spaceConfluenceId).toBe(String(target.id));
      expect(stored.parentId).toBeNull();
    });

    it("fetches only what changed since the last run and removes trashed pages", async () => {
      const connectorId = await configuredConnector(sim);
      const full = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(full.run.id);
      const fullRequests = (await db().syncRun.findUniqueOrThrow({ where: { id: full.run.id } })).requestCount;

      const [edited, trashed] = expectedSiteContent(sim).pages;
      const trashedPost = expectedSiteContent(sim).blogposts[0]!;
      await admin(`/pages/${edited}`, "PUT", { body: "<p>Edited after the full sync</p>", message: "edit" });
      await admin(`/pages/${trashed}/trash`, "POST");
      await admin(`/blogposts/${trashedPost}/trash`, "POST");

      const incremental = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
      expect(incremental.run.kind).toBe("incremental");
      await driveRun(incremental.run.id);
      const item = await db().contentItem.findUniqueOrThrow({ where: { connectorId_confluenceId: { connectorId, confluenceId: edited! } } });
      expect(gunzipSync(item.bodyStorageGz!).toString()).toBe("<p>Edited after the full sync</p>");
      expect(await db().contentItem.count({ where: { connectorId, confluenceId: { in: [trashed!, trashedPost] } } })).toBe(0);
      const run = await db().syncRun.findUniqueOrThrow({ where: { id: incremental.run.id } });
      expect(run.status).toBe("completed");
      expect(run.requestCount).toBeLessThan(fullRequests);
      await expectStoreEqualsSite(connectorId);
    });
  });
});
