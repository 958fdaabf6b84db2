import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

let sim: Simulator;
// More pages than one newest-first list page (250) holds, so an incremental run does not see them all.
// These tests count requests exactly: the burst limit's 429s (retried, and counted like any request)
// would land on a random route, so it is off here; lib/confluence's tests cover the retry.
useSyncTestSite({ seed: 11, spaces: 3, pages: 400, burstPerSecond: 0 }, (started) => (sim = started));
const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);
const stats = async () => (await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> };
const resetStats = () => fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });

/** The site's folders a default full sync stores: those in current spaces. */
function siteFolders() {
  const current = new Set([...sim.store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
  return sim.store.contentList.filter((c) => c.type === "folder" && (c.status === "current" || c.status === "archived") && current.has(c.spaceId));
}

const siteChain = (id: string) => sim.store.ancestors(sim.store.contents.get(Number(id))!).map((a) => String(a.id));

/** Every stored page and folder has the site's ancestors (root first) and its space. */
async function expectTreeEqualsSite(connectorId: string) {
  const rows = await db().contentItem.findMany({
    where: { connectorId, type: { in: ["page", "folder"] } },
    select: { confluenceId: true, ancestorIds: true, spaceConfluenceId: true },
  });
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const site = sim.store.contents.get(Number(row.confluenceId))!;
    expect({ id: row.confluenceId, ancestors: row.ancestorIds, space: row.spaceConfluenceId }).toEqual({
      id: row.confluenceId,
      ancestors: siteChain(row.confluenceId),
      space: String(site.spaceId),
    });
  }
}

async function sync(connectorId: string, kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
  return run.id;
}

// Full runs of 400 pages, indexing included, on a shared machine.
describe("folders and ancestors", { timeout: 120_000 }, () => {
  it("a full run stores the site's folders and every page's and folder's ancestors, asking the API only about pages whose parent is not stored", async () => {
    const folders = siteFolders();
    expect(folders.length, "the seeded site has folders").toBeGreaterThan(1);
    const connectorId = await configuredConnector(sim);
    await resetStats();
    await sync(connectorId, "full");

    expect(await storedIds(connectorId, "folder")).toEqual(folders.map((f) => String(f.id)).sort());
    const folder = folders.find((f) => f.parentId !== null)!;
    const stored = await db().contentItem.findUniqueOrThrow({ where: { connectorId_confluenceId: { connectorId, confluenceId: String(folder.id) } } });
    expect(stored).toMatchObject({
      type: "folder",
      title: folder.title,
      parentId: String(folder.parentId),
      spaceConfluenceId: String(folder.spaceId),
      version: folder.version,
      webUrl: `${sim.url}/wiki/spaces/${sim.store.spaces.get(folder.spaceId)!.key}/folder/${folder.id}`,
    });
    const underFolders = await db().contentItem.count({ where: { connectorId, type: "page", parentType: "folder" } });
    expect(underFolders).toBeGreaterThan(0);
    await expectTreeEqualsSite(connectorId);

    // Chains come from stored parents; only pages below a page the run did not store (trashed) are
    // asked, by one search for all of them, none one by one.
    const storedIdSet = new Set([...expectedSiteContent(sim).pages, ...folders.map((f) => String(f.id))]);
    const detached = expectedSiteContent(sim).pages.filter((id) => {
      const parent = sim.store.contents.get(Number(id))!.parentId;
      return parent !== null && !storedIdSet.has(String(parent));
    });
    expect(detached.length).toBeGreaterThan(0);
    expect((await stats()).routes["GET /wiki/api/v2/pages/{id}/ancestors"]).toBeUndefined();
    // Two counts for the estimate, one folder search, one search for the detached pages' ancestors.
    expect((await stats()).routes["GET /wiki/rest/api/search"]).toBe(4);
  });

  it("an incremental run moves a page's whole subtree to its new space and parent from the store, with no request per descendant", async () => {
    const current = (id: number | null) => id !== null && sim.store.contents.get(id)?.status === "current";
    // A current page with current grandchildren, so the move carries at least two levels.
    const root = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        c.parentId !== null &&
        sim.store.contentList.some((k) => current(k.parentId) && sim.store.contents.get(k.parentId!)!.parentId === c.id && k.status === "current"),
    )!;
    const descendants = sim.store.contentList.filter(
      (c) => sim.store.ancestors(c).some((a) => a.id === root.id) && (c.type === "folder" || c.status === "current"),
    );
    // Descendants last modified long ago sort after the first newest-first list page, so the
    // incremental run below lists the moved page but not them (a move does not touch them).
    for (const d of descendants) d.modifiedAt = Date.UTC(2001, 0, 1) + d.id;
    const target = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        c.spaceId !== root.spaceId &&
        sim.store.spaces.get(c.spaceId)!.status === "current" &&
        sim.store.spaces.get(c.spaceId)!.type === "global",
    )!;
    const connectorId = await configuredConnector(sim);
    await sync(connectorId, "full");
    expect((await admin(`/pages/${root.id}/move`, "POST", { parentId: String(target.id), spaceId: String(target.spaceId) })).ok).toBe(true);

    await resetStats();
    await sync(connectorId, "incremental");
    const moved = await db().contentItem.findMany({
      where: { connectorId, confluenceId: { in: descendants.map((d) => String(d.id)) } },
      select: { confluenceId: true, spaceConfluenceId: true, ancestorIds: true },
    });
    expect(moved.length).toBeGreaterThan(1);
    for (const row of moved) {
      expect(row.spaceConfluenceId).toBe(String(target.spaceId));
      expect(row.ancestorIds).toEqual(siteChain(row.confluenceId));
      expect(row.ancestorIds).toContain(String(target.id));
    }
    // Their comments and attachments follow them into the new space.
    const children = await db().contentItem.findMany({
      where: { connectorId, type: { in: ["footer_comment", "attachment"] }, parentId: { in: moved.map((m) => m.confluenceId) } },
      select: { spaceConfluenceId: true },
    });
    expect(children.every((c) => c.spaceConfluenceId === String(target.spaceId))).toBe(true);
    const routes = (await stats()).routes;
    expect(routes["GET /wiki/api/v2/pages"]).toBe(1);
    expect(routes["GET /wiki/api/v2/pages/{id}/ancestors"]).toBeUndefined();
    expect(routes["GET /wiki/api/v2/pages/{id}"]).toBeUndefined();
    await expectTreeEqualsSite(connectorId);
  });

  it("asks v2 for the ancestors of a page the search has not indexed yet", async () => {
    const connectorId = await configuredConnector(sim);
    await sync(connectorId, "full");
    // Below a trashed page, which the run does not store: the new page is detached.
    const trashed = sim.store.contentList.find((c) => c.type === "page" && c.status === "trashed" && sim.store.spaces.get(c.spaceId)!.status === "current")!;
    const created = await (await admin("/pages", "POST", { spaceId: String(trashed.spaceId), title: "Below the trash", parentId: String(trashed.id) })).json();
    await admin("/faults", "PUT", { searchLagMs: 10 * 60_000 });
    await resetStats();
    await sync(connectorId, "incremental");
    const row = await db().contentItem.findUniqueOrThrow({ where: { connectorId_confluenceId: { connectorId, confluenceId: created.id } } });
    expect(row.ancestorIds).toEqual(siteChain(created.id));
    expect(row.ancestorIds[row.ancestorIds.length - 1]).toBe(String(trashed.id));
    expect((await stats()).routes["GET /wiki/api/v2/pages/{id}/ancestors"]).toBe(1);
  });

  it("an incremental run picks up a new folder, a renamed folder and a page moved into a folder", async () => {
    const connectorId = await configuredConnector(sim);
    await sync(connectorId, "full");
    const renamed = siteFolders()[0]!;
    expect((await admin(`/folders/${renamed.id}`, "PUT", { title: "Renamed folder" })).ok).toBe(true);
    const parent = sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && sim.store.spaces.get(c.spaceId)!.type === "global")!;
    const created = await (await admin("/folders", "POST", { spaceId: String(parent.spaceId), title: "Plans", parentId: String(parent.id) })).json();
    const page = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        c.spaceId === parent.spaceId &&
        c.id !== parent.id &&
        !sim.store.ancestors(parent).some((a) => a.id === c.id),
    )!;
    expect((await admin(`/pages/${page.id}/move`, "POST", { parentId: created.id })).ok).toBe(true);

    await sync(connectorId, "incremental");
    const rows = await db().contentItem.findMany({ where: { connectorId, confluenceId: { in: [String(renamed.id), created.id, String(page.id)] } } });
    const byId = new Map(rows.map((r) => [r.confluenceId, r]));
    expect(byId.get(String(renamed.id))).toMatchObject({ title: "Renamed folder", version: 2 });
    expect(byId.get(created.id)).toMatchObject({ type: "folder", title: "Plans", parentId: String(parent.id), spaceConfluenceId: String(parent.spaceId) });
    expect(byId.get(String(page.id))).toMatchObject({ parentId: created.id, parentType: "folder" });
    await expectTreeEqualsSite(connectorId);
  });

  // Last: it trashes a page of the shared site.
  it("an incremental run after a page with a subtree is trashed asks again for the chains of the pages below it", async () => {
    const current = (id: number | null) => id !== null && sim.store.contents.get(id)?.status === "current";
    const root = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        sim.store.spaces.get(c.spaceId)!.status === "current" &&
        sim.store.contentList.some((k) => k.type === "page" && k.parentId === c.id && k.status === "current" && current(k.parentId)),
    )!;
    const below = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current" && sim.store.ancestors(c).some((a) => a.id === root.id));
    // Last modified long ago: the incremental run lists the trashed page, not them.
    for (const d of below) d.modifiedAt = Date.UTC(2001, 0, 1) + d.id;
    const connectorId = await configuredConnector(sim);
    await sync(connectorId, "full");
    expect((await admin(`/pages/${root.id}/trash`, "POST")).ok).toBe(true);
    await sync(connectorId, "incremental");
    const rows = await db().contentItem.findMany({
      where: { connectorId, confluenceId: { in: below.map((d) => String(d.id)) } },
      select: { confluenceId: true, ancestorIds: true },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect({ id: row.confluenceId, ancestors: row.ancestorIds }).toEqual({ id: row.confluenceId, ancestors: siteChain(row.confluenceId) });
    expect(await db().contentItem.count({ where: { connectorId, confluenceId: String(root.id) } })).toBe(0);
    await expectTreeEqualsSite(connectorId);
  });
});
