import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

let sim: Simulator;
// These tests count requests exactly: the burst limit's 429s (retried, and counted like any request)
// would land on a random route, so it is off here; lib/confluence's tests cover the retry.
useSyncTestSite({ seed: 23, spaces: 3, pages: 60, burstPerSecond: 0 }, (started) => (sim = started));

/** Stored labels of every synced page and blog post, next to the site's labels for the same item. */
async function storedAndSiteLabels(connectorId: string) {
  const rows = await db().contentItem.findMany({ where: { connectorId, type: { in: ["page", "blogpost"] } }, select: { confluenceId: true, labels: true } });
  const stored: Record<string, string[]> = {};
  const site: Record<string, string[]> = {};
  for (const row of rows) {
    stored[row.confluenceId] = [...row.labels].sort();
    const content = sim.store.contents.get(Number(row.confluenceId))!;
    site[row.confluenceId] = [...new Set(content.labels.map((id) => sim.store.labels.get(id)!.name))].sort();
  }
  return { stored, site, count: rows.length };
}

async function expectLabelsEqualSite(connectorId: string) {
  const { stored, site, count } = await storedAndSiteLabels(connectorId);
  expect(count).toBeGreaterThan(0);
  expect(stored).toEqual(site);
}

async function syncToEnd(connectorId: string, kind: "full" | "incremental", budgetMs?: number) {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  const slices = await driveRun(run.id, budgetMs === undefined ? {} : { budgetMs });
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
  return slices;
}

/** A current page and blog post of the site that carry at least one label (the test edits them). */
function labelledContent() {
  const find = (type: "page" | "blogpost") => sim.store.contentList.find((c) => c.type === type && c.status === "current" && c.labels.length > 0)!;
  return { page: find("page"), blog: find("blogpost") };
}

describe("label sync", () => {
  it("a full run stores exactly the site's labels on every synced page and blog post", async () => {
    const { page, blog } = labelledContent();
    expect(page && blog, "the seeded site has labelled pages and blog posts").toBeTruthy();
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    await expectLabelsEqualSite(connectorId);
    const labelled = await db().contentItem.count({ where: { connectorId, NOT: { labels: { isEmpty: true } } } });
    expect(labelled).toBeGreaterThan(1);
  });

  it("a label removed on the site disappears, and one added appears, on the next full run (incremental runs skip labels)", async () => {
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    const { page, blog } = labelledContent();
    // No admin API edits labels, and the test owns the simulator: edit its store directly.
    const removed = sim.store.labels.get(page.labels[0]!)!.name;
    const pageLabelsBefore = [...page.labels];
    const blogLabelsBefore = [...blog.labels];
    page.labels = page.labels.filter((id) => sim.store.labels.get(id)!.name !== removed);
    const added = sim.store.labelFor("added-by-test");
    blog.labels = [...blog.labels, added.id];
    try {
      const stored = (id: number) =>
        db()
          .contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(id) } })
          .then((r) => r.labels);
      // Labels change without a new version; incremental runs leave them for the next full run.
      await syncToEnd(connectorId, "incremental");
      expect(await stored(page.id)).toContain(removed);
      await syncToEnd(connectorId, "full");
      await expectLabelsEqualSite(connectorId);
      expect(await stored(page.id)).not.toContain(removed);
      expect(await stored(blog.id)).toContain("added-by-test");

      blog.labels = blog.labels.filter((id) => id !== added.id);
      await syncToEnd(connectorId, "full");
      await expectLabelsEqualSite(connectorId);
      expect(await stored(blog.id)).not.toContain("added-by-test");
    } finally {
      page.labels = pageLabelsBefore;
      blog.labels = blogLabelsBefore;
    }
  });

  it("a run resumed slice by slice (one list page each) ends with the same labels, without duplicates", async () => {
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    const once = await storedAndSiteLabels(connectorId);
    const slices = await syncToEnd(connectorId, "full", 0);
    expect(slices).toBeGreaterThan(sim.store.labels.size);
    const resumed = await storedAndSiteLabels(connectorId);
    expect(resumed.stored).toEqual(once.stored);
    expect(resumed.stored).toEqual(resumed.site);
  });

  it("costs one /labels page plus, per stored type, the fewer of one list per label or one per item", async () => {
    const labelStats = async () => {
      const { routes } = (await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> };
      const of = (pattern: string) => routes[`GET /wiki/api/v2/${pattern}`] ?? 0;
      return {
        labels: of("labels"),
        page: of("labels/{id}/pages") + of("pages/{id}/labels"),
        blogpost: of("labels/{id}/blogposts") + of("blogposts/{id}/labels"),
      };
    };
    const labelCount = sim.store.labels.size;
    expect(labelCount).toBeLessThanOrEqual(250);
    const stored = (connectorId: string, type: string) => db().contentItem.count({ where: { connectorId, type } });

    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    const all = await configuredConnector(sim);
    await syncToEnd(all, "full");
    const [pages, blogposts] = [await stored(all, "page"), await stored(all, "blogpost")];
    // The seeded site has fewer blog posts than labels and more pages: both walks are exercised.
    expect(blogposts).toBeLessThan(labelCount);
    expect(pages).toBeGreaterThan(labelCount);
    expect(await labelStats()).toEqual({ labels: 1, page: Math.min(labelCount, pages), blogpost: Math.min(labelCount, blogposts) });
    await expectLabelsEqualSite(all);

    await resetDatabase();
    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    // A blog post id filter that matches nothing: no blog post is stored, so none is asked about.
    const pagesOnly = await configuredConnector(sim, { filters: { spaces: null, pageIds: [], blogPostIds: ["999999999"], modified: null, created: null } });
    await syncToEnd(pagesOnly, "full");
    expect(await stored(pagesOnly, "blogpost")).toBe(0);
    expect(await labelStats()).toEqual({ labels: 1, page: Math.min(labelCount, pages), blogpost: 0 });
    await expectLabelsEqualSite(pagesOnly);
  });
});
