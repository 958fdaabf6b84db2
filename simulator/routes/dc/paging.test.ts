import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcGet, startDc, walkOffset } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({}, { pages: 400 });
});
afterAll(() => sim.close());

const currentPages = () => sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");

describe("Data Center start/limit paging", () => {
  it("caps limit silently by expansion (body 50, other expansions 200, none 1000) and reports the capped limit", async () => {
    const body = await dcGet(sim, "/rest/api/content?type=page&limit=500&expand=body.storage,version");
    expect(body.status).toBe(200);
    expect(body.body).toMatchObject({ start: 0, limit: 50, size: 50 });
    expect(body.body.results[0].body.storage.value).toContain("<");
    const other = await dcGet(sim, "/rest/api/content?type=page&limit=500&expand=version");
    expect(other.body).toMatchObject({ limit: 200, size: 200 });
    const none = await dcGet(sim, "/rest/api/content?type=page&limit=5000");
    expect(none.body.limit).toBe(1000);
    expect(none.body.size).toBe(currentPages().length);
    expect(none.body._links.next).toBeUndefined();
    const small = await dcGet(sim, "/rest/api/content?type=page&limit=7&expand=body.storage");
    expect(small.body).toMatchObject({ limit: 7, size: 7 });
  });

  it("builds _links.next from the limit asked for, so following it blindly skips items; start + size reaches every page", async () => {
    const first = await dcGet(sim, "/rest/api/content?type=page&limit=100&expand=body.storage");
    expect(first.body.size).toBe(50);
    expect(first.body._links.next).toMatch(/^\/rest\/api\/content\?.*start=100/);
    expect(first.body._links.base).toBe(`${sim.url}/confluence`);
    expect(first.body._links.context).toBe("/confluence");
    const walked = await walkOffset(sim, "/rest/api/content?type=page&limit=100&expand=body.storage");
    expect(walked.ids).toEqual(currentPages().map((c) => String(c.id)));
    expect(walked.requests).toBe(Math.ceil(currentPages().length / 50));
    // Following next links as given: every request skips the 50 items beyond the cap.
    const blind: string[] = [];
    let next: string | undefined = "/rest/api/content?type=page&limit=100&expand=body.storage";
    while (next) {
      const r = await dcGet(sim, next);
      blind.push(...r.body.results.map((x: { id: string }) => x.id));
      next = r.body._links.next;
    }
    expect(blind.length).toBeLessThan(walked.ids.length);
  });

  it("gives prev links, filters by spaceKey, title and status, and lists blog posts and archived pages on request", async () => {
    const space = [...sim.store.spaces.values()][0];
    const r = await dcGet(sim, `/rest/api/content?type=page&spaceKey=${space.key}&limit=10&start=10`);
    expect(r.body._links.prev).toMatch(/start=0/);
    const inSpace = currentPages().filter((c) => c.spaceId === space.id);
    expect(r.body.results.map((x: { id: string }) => x.id)).toEqual(inSpace.slice(10, 20).map((c) => String(c.id)));
    const page = inSpace[3];
    const byTitle = await dcGet(sim, `/rest/api/content?spaceKey=${space.key}&title=${encodeURIComponent(page.title)}`);
    expect(byTitle.body.results.map((x: { id: string }) => x.id)).toEqual([String(page.id)]);
    const blogs = await walkOffset(sim, "/rest/api/content?type=blogpost&limit=1000");
    expect(blogs.ids.length).toBe(sim.store.contentList.filter((c) => c.type === "blogpost" && c.status === "current").length);
    const archived = await dcGet(sim, "/rest/api/content?type=page&status=archived&limit=1000");
    expect(archived.body.size).toBe(sim.store.contentList.filter((c) => c.type === "page" && c.status === "archived").length);
    expect(archived.body.size).toBeGreaterThan(0);
    expect((await dcGet(sim, "/rest/api/content?type=folder")).status).toBe(400);
    expect((await dcGet(sim, "/rest/api/content?status=bogus")).status).toBe(400);
  });

  it("pages spaces with start/limit and filters them by key", async () => {
    const all = await walkOffset(sim, "/rest/api/space?limit=2");
    expect(all.ids.length).toBe(sim.store.spaces.size);
    expect(all.requests).toBe(Math.ceil(sim.store.spaces.size / 2));
    const [a, b] = [...sim.store.spaces.values()];
    const some = await dcGet(sim, `/rest/api/space?spaceKey=${a.key}&spaceKey=${b.key}&expand=description.plain,homepage`);
    expect(some.body.results.map((s: { key: string }) => s.key).sort()).toEqual([a.key, b.key].sort());
    expect(some.body.results[0].homepage.id).toBeTruthy();
    expect(some.body.results[0].description.plain.representation).toBe("plain");
  });
});
