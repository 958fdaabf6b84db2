import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../../test/helpers";
import { dcGet, startDc, walkOffset } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({ timeZone: "Europe/Berlin" }, { pages: 200 });
});
afterAll(() => sim.close());

const search = (cql: string, extra = "") => dcGet(sim, `/rest/api/content/search?cql=${encodeURIComponent(cql)}${extra}`);

describe("CQL on Data Center", () => {
  it('reads lastmodified >= "yyyy-MM-dd HH:mm" in the server\'s time zone, not in UTC', async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && c.spaceId === [...sim.store.spaces.values()][0].id)!;
    // 10:00 in Berlin in summer is 08:00 UTC; the page is edited at 08:30 UTC (10:30 local).
    page.modifiedAt = Date.UTC(2030, 6, 1, 8, 30);
    const cql = (local: string) => `id = ${page.id} and lastmodified >= "${local}"`;
    expect((await search(cql("2030-07-01 10:00"))).body.totalSize).toBe(1);
    expect((await search(cql("2030-07-01 10:31"))).body.totalSize).toBe(0);
    // Read as UTC, 09:00 would be after the edit; in Berlin it is 07:00 UTC, before it.
    expect((await search(cql("2030-07-01 09:00"))).body.totalSize).toBe(1);
    const tokyo = await admin(sim, "PUT", "/dc/config", { timeZone: "Asia/Tokyo" });
    expect(tokyo.body.timeZone).toBe("Asia/Tokyo");
    try {
      // 17:30 in Tokyo is 08:30 UTC.
      expect((await search(cql("2030-07-01 17:30"))).body.totalSize).toBe(1);
      expect((await search(cql("2030-07-01 17:31"))).body.totalSize).toBe(0);
      expect((await dcGet(sim, "/rest/api/settings/systemInfo")).body.defaultTimeZone).toBe("Asia/Tokyo");
    } finally {
      await admin(sim, "PUT", "/dc/config", { timeZone: "Europe/Berlin" });
    }
    expect((await admin(sim, "PUT", "/dc/config", { timeZone: "Mars/Olympus" })).status).toBe(400);
  });

  it("writes dates with the server's offset, so a client can read the zone from any response", async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    page.modifiedAt = Date.UTC(2031, 0, 10, 12, 0);
    const r = await dcGet(sim, `/rest/api/content/${page.id}?expand=version,history`);
    expect(r.body.version.when).toBe("2031-01-10T13:00:00.000+01:00");
    expect(r.body.history.createdDate).toMatch(/\+0[12]:00$/);
  });

  it("pages results start/limit with the body cap and finds comments and attachments with their container", async () => {
    const all = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");
    const first = await search("type = page order by id", "&limit=100&expand=body.storage");
    expect(first.body).toMatchObject({ start: 0, limit: 50, size: 50, totalSize: all.length });
    const walked = await walkOffset(sim, `/rest/api/content/search?cql=${encodeURIComponent("type = page order by id")}&limit=100&expand=body.storage`);
    expect(walked.ids).toEqual(all.map((c) => String(c.id)));
    const att = await search("type = attachment", "&limit=5&expand=container");
    expect(att.body.results[0]).toMatchObject({ type: "attachment", id: expect.stringMatching(/^att\d+$/), container: { id: expect.any(String) } });
    expect(att.body.results[0]._links.download).toMatch(/^\/download\/attachments\/\d+\//);
    const com = await search("type = comment", "&limit=5&expand=body.storage,container");
    expect(com.body.results[0]).toMatchObject({ type: "comment", extensions: { location: expect.stringMatching(/footer|inline/) } });
    expect((await search("type = folder")).body.totalSize).toBe(0);
    expect((await search("type = = page")).status).toBe(400);
  });
});
