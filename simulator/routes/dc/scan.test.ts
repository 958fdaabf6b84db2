import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../../test/helpers";
import { basicOf, dcGet, startDc } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({ version: "9.2" }, { pages: 300 });
});
afterAll(() => sim.close());

async function scanAll(first: string, auth?: string) {
  const ids: string[] = [];
  let next: string | undefined = first;
  let requests = 0;
  while (next) {
    const r = await dcGet(sim, next, auth);
    if (r.status !== 200) throw new Error(`${next} -> ${r.status} ${JSON.stringify(r.body)}`);
    requests++;
    ids.push(...r.body.results.map((x: { id: string }) => x.id));
    next = r.body._links.next;
  }
  return { ids, requests };
}

describe("content scan (cursor paging)", () => {
  it("walks every current page once by cursor, in id order, with the cursor fields of Atlassian's examples", async () => {
    const first = await dcGet(sim, "/rest/api/content/scan?limit=40&expand=body.storage,version");
    expect(first.body).toMatchObject({ cursor: "content:false:null", limit: 40, size: 40 });
    expect(first.body.nextCursor).toBe(`content:false:${first.body.results[39].id}`);
    expect(first.body.prevCursor).toBeUndefined();
    expect(first.body.results[0].body.storage.value).toContain("<");
    const all = await scanAll("/rest/api/content/scan?limit=40");
    const pages = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");
    expect(all.ids).toEqual(pages.map((c) => String(c.id)));
    expect(all.requests).toBe(Math.ceil(pages.length / 40));
  });

  it("neither skips nor repeats untouched pages when pages are added or purged between calls", async () => {
    const space = [...sim.store.spaces.values()][0];
    const first = await dcGet(sim, `/rest/api/content/scan?spaceKey=${space.key}&limit=10`);
    const seen: string[] = first.body.results.map((x: { id: string }) => x.id);
    const before = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current" && c.spaceId === space.id).map((c) => String(c.id));
    await admin(sim, "DELETE", `/pages/${seen[2]}`);
    const victim = before[15];
    await admin(sim, "DELETE", `/pages/${victim}`);
    const added = await admin(sim, "POST", "/pages", { spaceKey: space.key, title: "Scanned later" });
    const rest = await scanAll(first.body._links.next);
    const ids = [...seen, ...rest.ids];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...before.filter((id) => id !== victim), added.body.id]);
  });

  it("goes back with prevCursor and pages the site in the other direction", async () => {
    const one = await dcGet(sim, "/rest/api/content/scan?limit=5");
    const two = await dcGet(sim, one.body._links.next);
    expect(two.body.prevCursor).toBe(`content:true:${two.body.results[0].id}`);
    const back = await dcGet(sim, two.body._links.prev);
    expect(back.body.results.map((x: { id: string }) => x.id)).toEqual(one.body.results.map((x: { id: string }) => x.id));
    expect((await dcGet(sim, "/rest/api/content/scan?cursor=garbage")).status).toBe(400);
  });

  it("scans blog posts and comments (8.3 and later) and shows each caller only what they may read", async () => {
    const blogs = await scanAll("/rest/api/content/scan?type=blogpost&limit=100");
    expect(blogs.ids.length).toBe(sim.store.contentList.filter((c) => c.type === "blogpost" && c.status === "current").length);
    const comments = await dcGet(sim, "/rest/api/content/scan?type=comment&limit=5&expand=container,body.storage");
    expect(comments.body.results[0]).toMatchObject({ type: "comment", container: { id: expect.any(String) } });
    const asUser = await scanAll("/rest/api/content/scan?limit=200", basicOf(sim.dc.user));
    const asAdmin = await scanAll("/rest/api/content/scan?limit=200");
    expect(asUser.ids.length).toBeGreaterThan(0);
    expect(asUser.ids.length).toBeLessThan(asAdmin.ids.length);
  });
});
