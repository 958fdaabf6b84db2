import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { DEFAULT_CONNECTOR_CONFIG, type ConnectorConfig } from "../connectors";
import { db } from "../db";
import { requestSync } from ".";

let sim: Simulator;
// More pages than one list page (250), so filters are decided across pages of the listing.
useSyncTestSite({ seed: 29, spaces: 3, pages: 320 }, (started) => (sim = started));
const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);
const resetStats = () => fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
/** Content ids whose storage body the simulator has served since the last reset. */
const bodiesServed = async () =>
  Object.keys(((await (await fetch(`${sim.url}/__admin/stats/bodies`)).json()) as { bodies: Record<string, number> }).bodies).sort();

const filters = (f: Partial<ConnectorConfig["filters"]>) => ({ filters: { ...DEFAULT_CONNECTOR_CONFIG.filters, ...f } });
const content = (id: string | number) => sim.store.contents.get(Number(id))!;
const versionDay = (id: string) => {
  const c = content(id);
  return new Date(c.versionTimes?.get(c.version) ?? c.modifiedAt).toISOString().slice(0, 10);
};

async function sync(connectorId: string, kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
}

/** Two roots: a page holding a folder with pages in it, and a page elsewhere whose parent is not chosen. */
function chosenRoots() {
  const folder = sim.store.contentList.find(
    (f) =>
      f.type === "folder" &&
      f.parentId !== null &&
      content(f.parentId).type === "page" &&
      content(f.parentId).status === "current" &&
      sim.store.contentList.some((p) => p.parentId === f.id && p.status === "current"),
  )!;
  const first = content(folder.parentId!);
  const second = sim.store.contentList.find(
    (p) =>
      p.type === "page" &&
      p.status === "current" &&
      p.parentId !== null &&
      p.spaceId !== first.spaceId &&
      sim.store.contentList.some((k) => k.parentId === p.id),
  )!;
  return { folder, roots: [String(first.id), String(second.id)] };
}

const inTrees = (id: string, roots: string[]) => roots.includes(id) || sim.store.ancestors(content(id)).some((a) => roots.includes(String(a.id)));

// Full runs of 320 pages, indexing included, on a shared machine.
describe("filters at the source", { timeout: 120_000 }, () => {
  it("Page IDs keep the chosen pages and their descendants, through folders, and never download another page's body", async () => {
    const { folder, roots } = chosenRoots();
    const expected = () => expectedSiteContent(sim).pages.filter((id) => inTrees(id, roots));
    const connectorId = await configuredConnector(sim, filters({ pageIds: roots }));
    await resetStats();
    await sync(connectorId, "full");
    expect(await storedIds(connectorId, "page")).toEqual(expected());
    expect(expected().length).toBeGreaterThan(3);
    expect(await storedIds(connectorId, "folder")).toContain(String(folder.id));
    const pageBodies = (await bodiesServed()).filter((id) => content(id).type === "page");
    expect(pageBodies).toEqual(expected());

    // An incremental run: a new page below a root comes in; an edited page outside stays out, body unread.
    const outside = expectedSiteContent(sim).pages.find((id) => !inTrees(id, roots))!;
    await admin(`/pages/${outside}`, "PUT", { body: "<p>outside</p>" });
    const created = await (
      await admin("/pages", "POST", { spaceId: String(folder.spaceId), title: "Inside the folder", parentId: String(folder.id), body: "<p>new</p>" })
    ).json();
    await resetStats();
    await sync(connectorId, "incremental");
    expect(await storedIds(connectorId, "page")).toEqual(expected());
    expect(await storedIds(connectorId, "page")).toContain(created.id);
    expect((await bodiesServed()).filter((id) => content(id).type === "page")).toEqual([created.id]);
  });

  it("date filters keep what was modified after the date, download only those bodies, and a second run downloads none", async () => {
    const days = expectedSiteContent(sim).pages.map(versionDay).sort();
    const from = days[Math.floor(days.length / 2)]!;
    const connectorId = await configuredConnector(sim, filters({ modified: { operator: "after", from } }));
    await resetStats();
    await sync(connectorId, "full");
    const site = expectedSiteContent(sim);
    const pages = site.pages.filter((id) => versionDay(id) > from);
    const blogposts = site.blogposts.filter((id) => versionDay(id) > from);
    expect(pages.length).toBeGreaterThan(10);
    expect(await storedIds(connectorId, "page")).toEqual(pages);
    expect(await storedIds(connectorId, "blogpost")).toEqual(blogposts);
    expect(await bodiesServed()).toEqual([...pages, ...blogposts].sort());

    // Unchanged versions keep their stored bodies: the bodies pass asks for nothing.
    await resetStats();
    await sync(connectorId, "full");
    expect(await bodiesServed()).toEqual([]);
    expect(await storedIds(connectorId, "page")).toEqual(pages);
  });

  it("a page moved out of the chosen trees leaves the store with its subtree on the next incremental run", async () => {
    const { roots } = chosenRoots();
    const child = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        c.parentId === Number(roots[0]) &&
        sim.store.contentList.some((k) => k.parentId === c.id && k.status === "current"),
    )!;
    const subtree = expectedSiteContent(sim).pages.filter((id) => id === String(child.id) || sim.store.ancestors(content(id)).some((a) => a.id === child.id));
    // Old descendants are not listed again by the incremental run: only the store can tell.
    for (const id of subtree) if (id !== String(child.id)) content(id).modifiedAt = Date.UTC(2001, 0, 1);
    const connectorId = await configuredConnector(sim, filters({ pageIds: roots }));
    await sync(connectorId, "full");
    expect(await storedIds(connectorId, "page")).toEqual(expect.arrayContaining(subtree));
    const outside = expectedSiteContent(sim).pages.find((id) => !inTrees(id, roots) && content(id).spaceId === child.spaceId)!;
    expect((await admin(`/pages/${child.id}/move`, "POST", { parentId: outside })).ok).toBe(true);

    await sync(connectorId, "incremental");
    const stored = await storedIds(connectorId, "page");
    expect(stored.filter((id) => subtree.includes(id))).toEqual([]);
    expect(stored).toEqual(expectedSiteContent(sim).pages.filter((id) => inTrees(id, roots)));
  });

  it("a page edited out of a date range leaves the store on the next incremental run", async () => {
    const to = new Date(Date.now() - 24 * 60 * 60_000).toISOString().slice(0, 10);
    const connectorId = await configuredConnector(sim, filters({ modified: { operator: "before", to } }));
    await sync(connectorId, "full");
    const edited = (await storedIds(connectorId, "page"))[0]!;
    await admin(`/pages/${edited}`, "PUT", { body: "<p>edited today</p>" });
    await sync(connectorId, "incremental");
    expect(await storedIds(connectorId, "page")).not.toContain(edited);
    expect(await storedIds(connectorId, "page")).toEqual(expectedSiteContent(sim).pages.filter((id) => versionDay(id) < to));
  });

  it("Blog post IDs are asked for by id, so other blog posts are never listed", async () => {
    const chosen = expectedSiteContent(sim).blogposts.slice(0, 2);
    const connectorId = await configuredConnector(sim, filters({ blogPostIds: chosen }));
    await resetStats();
    await sync(connectorId, "full");
    expect(await storedIds(connectorId, "blogpost")).toEqual(chosen);
    const blogBodies = (await bodiesServed()).filter((id) => content(id).type === "blogpost");
    expect(blogBodies).toEqual(chosen);
  });
});
