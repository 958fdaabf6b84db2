import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import { admin, api, collectAll, startSmall } from "../test/helpers";
import { decodeCursor, paginate } from "./pagination";

describe("cursor pagination", () => {
  it("is keyed on the last item, so inserts and deletes before the cursor do not shift pages", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: i + 1 }));
    const first = paginate(items, { key: (x) => x.id, id: (x) => x.id, cursor: null, limit: 4, presorted: true });
    expect(first.items.map((x) => x.id)).toEqual([1, 2, 3, 4]);
    const mutated = [{ id: 0 }, ...items.filter((x) => x.id !== 2)];
    const second = paginate(mutated, { key: (x) => x.id, id: (x) => x.id, cursor: first.next, limit: 4 });
    expect(second.items.map((x) => x.id)).toEqual([5, 6, 7, 8]);
  });

  it("rejects a cursor that is not one of ours with 400", () => {
    expect(() => decodeCursor("not-a-cursor")).toThrowError(/Invalid cursor/);
  });
});

describe("pagination under concurrent edits", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSmall({ pages: 400 });
  });
  afterAll(() => sim.close());

  it("neither skips nor repeats untouched pages while pages are created, edited and trashed between requests", async () => {
    const before = new Set((await collectAll(sim, "/wiki/api/v2/pages?limit=250")).map(String));
    const space = [...sim.store.spaces.values()][0];
    const seen: string[] = [];
    const touched = new Set<string>();
    let next: string | undefined = "/wiki/api/v2/pages?limit=20&sort=-modified-date";
    let round = 0;
    while (next) {
      const r = await api(sim, next);
      expect(r.status).toBe(200);
      seen.push(...r.body.results.map((x: { id: string }) => x.id));
      next = r.body._links.next;
      round++;
      const created = await admin(sim, "POST", "/pages", { spaceId: space.id, title: `Concurrent ${round}` });
      touched.add(created.body.id);
      const victim = [...before].find((id) => !touched.has(id) && !seen.includes(id) && Number(id) % 7 === round % 7);
      if (victim) {
        touched.add(victim);
        if (round % 2) await admin(sim, "PUT", `/pages/${victim}`, { body: "<p>edited</p>" });
        else await admin(sim, "POST", `/pages/${victim}/trash`);
      }
    }
    const untouched = [...before].filter((id) => !touched.has(id));
    const counts = new Map<string, number>();
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of untouched) expect(counts.get(id), `page ${id}`).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("paginates by id with next links until exhausted and returns every visible page once", async () => {
    const ids = await collectAll(sim, "/wiki/api/v2/pages?limit=37");
    expect(new Set(ids).size).toBe(ids.length);
    const expected = sim.store.contentList.filter((c) => c.type === "page" && (c.status === "current" || c.status === "archived")).length;
    expect(ids.length).toBe(expected);
  });
});
