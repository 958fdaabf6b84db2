import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin } from "../../test/helpers";
import { dcGet, startDc } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({ version: "8.9" }, { pages: 80 });
});
afterAll(() => sim.close());

const restrictedPage = () => sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && c.readRestriction)!;
const space = () => [...sim.store.spaces.values()][0];

async function presence() {
  const page = restrictedPage();
  const probe = async (path: string) => (await dcGet(sim, path)).status;
  return {
    scan: await probe("/rest/api/content/scan?limit=1"),
    scanBlogposts: await probe("/rest/api/content/scan?type=blogpost&limit=1"),
    relevantViewRestrictions: await probe(`/rest/api/content/${page.id}/restriction/relevantViewRestrictions`),
    spacePermissions: await probe(`/rest/api/space/${space().key}/permissions`),
    serverInformation: await probe("/rest/api/server-information"),
    byOperation: await probe(`/rest/api/content/${page.id}/restriction/byOperation/read`),
  };
}

describe("version switch", () => {
  it("8.9 has content scan (7.18+) but answers 404 for relevantViewRestrictions (9.0+), space permissions (9.1+) and server information", async () => {
    expect(sim.dc.version).toBe("8.9.0");
    expect(await presence()).toEqual({
      scan: 200,
      scanBlogposts: 200,
      relevantViewRestrictions: 404,
      spacePermissions: 404,
      serverInformation: 404,
      byOperation: 200,
    });
  });

  it("9.0 adds relevantViewRestrictions and server information, 9.2 also space permissions", async () => {
    await admin(sim, "PUT", "/dc/config", { version: "9.0.3" });
    expect(await presence()).toMatchObject({ relevantViewRestrictions: 200, spacePermissions: 404, serverInformation: 200 });
    await admin(sim, "PUT", "/dc/config", { version: "9.2" });
    expect(await presence()).toEqual({
      scan: 200,
      scanBlogposts: 200,
      relevantViewRestrictions: 200,
      spacePermissions: 200,
      serverInformation: 200,
      byOperation: 200,
    });
  });

  it("7.13 has no scan at all and 7.18 scans pages only", async () => {
    await admin(sim, "PUT", "/dc/config", { version: "7.13" });
    expect((await presence()).scan).toBe(404);
    await admin(sim, "PUT", "/dc/config", { version: "7.18.1" });
    expect(await presence()).toMatchObject({ scan: 200, scanBlogposts: 400 });
    expect((await admin(sim, "PUT", "/dc/config", { version: "nine" })).status).toBe(400);
  });

  it("tells its version through the applinks manifest (JSON or XML), server information and system info", async () => {
    await admin(sim, "PUT", "/dc/config", { version: "9.2.4" });
    const json = await dcGet(sim, "/rest/applinks/1.0/manifest", null, { accept: "application/json" });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ typeId: "confluence", version: "9.2.4", url: sim.dc.baseUrl });
    const xml = await dcGet(sim, "/rest/applinks/1.0/manifest", null);
    expect(xml.headers.get("content-type")).toBe("application/xml");
    expect(xml.body).toContain("<version>9.2.4</version>");
    expect((await dcGet(sim, "/rest/api/server-information", null)).body).toMatchObject({ version: "9.2.4", baseUrl: sim.dc.baseUrl });
    expect((await dcGet(sim, "/rest/api/settings/systemInfo")).body).toMatchObject({ version: "9.2.4", defaultTimeZone: "Europe/Berlin" });
  });
});
