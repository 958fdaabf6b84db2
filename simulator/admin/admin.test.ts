import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import { admin, api, basic } from "../test/helpers";
import { startSmall } from "../test/helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSmall();
});
afterAll(() => sim.close());

describe("admin API", () => {
  it("creates, updates (new version), moves, trashes, restores and purges a page", async () => {
    const space = [...sim.store.spaces.values()][0];
    const created = await admin(sim, "POST", "/pages", { spaceKey: space.key, title: "Admin made", body: "<p>v1</p>" });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const updated = await admin(sim, "PUT", `/pages/${id}`, { body: "<p>v2</p>", title: "Admin made v2" });
    expect(updated.body.version.number).toBe(2);
    const v2 = await api(sim, `/wiki/api/v2/pages/${id}?body-format=storage`);
    expect(v2.body.body.storage.value).toBe("<p>v2</p>");
    const v1 = await api(sim, `/wiki/api/v2/pages/${id}?body-format=storage&version=1`);
    expect(v1.body.body.storage.value).toBe("<p>v1</p>");
    const target = sim.store.contentList.find((c) => c.type === "page" && c.spaceId === space.id && c.id !== Number(id) && c.parentId !== null)!;
    await admin(sim, "POST", `/pages/${id}/move`, { parentId: target.id });
    const anc = await api(sim, `/wiki/api/v2/pages/${id}/ancestors`);
    expect(anc.body.results.at(-1).id).toBe(String(target.id));
    await admin(sim, "POST", `/pages/${id}/trash`);
    expect((await api(sim, `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    expect((await api(sim, `/wiki/api/v2/pages/${id}?status=trashed`)).body.status).toBe("trashed");
    await admin(sim, "POST", `/pages/${id}/restore`);
    expect((await api(sim, `/wiki/api/v2/pages/${id}`)).status).toBe(200);
    expect((await admin(sim, "DELETE", `/pages/${id}`)).status).toBe(204);
    expect((await api(sim, `/wiki/api/v2/pages/${id}?status=trashed`)).status).toBe(404);
  });

  it("adds comments and attachments whose bytes download exactly", async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const com = await admin(sim, "POST", `/pages/${page.id}/comments`, { body: "<p>hi</p>", kind: "inline", selection: "word" });
    expect(com.status).toBe(201);
    const list = await api(sim, `/wiki/api/v2/pages/${page.id}/inline-comments?body-format=storage`);
    expect(list.body.results.map((c: { id: string }) => c.id)).toContain(com.body.id);
    const bytes = Buffer.from("col1,col2\n1,2\n");
    const att = await admin(sim, "POST", `/pages/${page.id}/attachments`, {
      fileName: "data.csv",
      mediaType: "text/csv",
      contentBase64: bytes.toString("base64"),
    });
    expect(att.body.fileSize).toBe(bytes.length);
    const res = await fetch(`${sim.url}/wiki${att.body.downloadLink}`, { headers: { authorization: basic(sim.admin.email, sim.admin.apiToken) } });
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });

  it("changes space permissions, group membership and email visibility", async () => {
    const space = [...sim.store.spaces.values()][3];
    const user = (await admin(sim, "POST", "/users", { email: "new.person@example.com", displayName: "New Person", apiToken: "np-token" })).body;
    const auth = basic("new.person@example.com", "np-token");
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth })).status).toBe(404);
    await admin(sim, "POST", `/spaces/${space.id}/permissions`, {
      principalType: "user",
      principalId: user.accountId,
      operations: [{ key: "read", targetType: "space" }],
    });
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth })).status).toBe(200);
    await admin(sim, "DELETE", `/spaces/${space.id}/permissions?principalType=user&principalId=${encodeURIComponent(user.accountId)}`);
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth })).status).toBe(404);
    const hr = [...sim.store.groups.values()].find((g) => g.name === "hr")!;
    await admin(sim, "POST", `/groups/${hr.id}/members`, { accountId: user.accountId });
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth })).status).toBe(200);
    await admin(sim, "DELETE", `/groups/${hr.id}/members/${encodeURIComponent(user.accountId)}`);
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth })).status).toBe(404);
    await admin(sim, "PATCH", `/users/${encodeURIComponent(user.accountId)}`, { emailVisible: false });
    expect((await api(sim, `/wiki/rest/api/user/email?accountId=${encodeURIComponent(user.accountId)}`)).status).toBe(404);
  });

  it("admin changes appear as audit records, filterable by date", async () => {
    const start = Date.now();
    const space = [...sim.store.spaces.values()][0];
    await admin(sim, "POST", "/pages", { spaceId: space.id, title: "Audited page" });
    const r = await api(sim, `/wiki/rest/api/audit?startDate=${start}`);
    expect(r.status).toBe(200);
    expect(
      r.body.results.some(
        (x: { summary: string; affectedObject: { name: string } }) => x.summary === "Page created" && x.affectedObject.name === "Audited page",
      ),
    ).toBe(true);
    const none = await api(sim, `/wiki/rest/api/audit?endDate=${start - 60_000}`);
    expect(none.body.results.length).toBe(0);
  });

  it("reports per-route request counts and resets them", async () => {
    await admin(sim, "POST", "/stats/reset");
    await api(sim, "/wiki/api/v2/spaces");
    await api(sim, "/wiki/api/v2/spaces");
    const stats = await admin(sim, "GET", "/stats");
    expect(stats.body.routes["GET /wiki/api/v2/spaces"]).toBe(2);
    expect(stats.body.pointsSpent).toBeGreaterThan(2);
    await admin(sim, "POST", "/stats/reset");
    expect((await admin(sim, "GET", "/stats")).body.routes).toEqual({});
  });

  it("reports which storage bodies were served, so tests can tell what was downloaded", async () => {
    const [a, b] = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");
    await admin(sim, "POST", "/stats/reset");
    await api(sim, `/wiki/api/v2/pages?id=${a!.id}&body-format=storage`);
    await api(sim, `/wiki/api/v2/pages?id=${b!.id}`);
    await api(sim, `/wiki/rest/api/content/${b!.id}?expand=body.storage`);
    expect((await admin(sim, "GET", "/stats/bodies")).body.bodies).toEqual({ [String(a!.id)]: 1, [String(b!.id)]: 1 });
    await admin(sim, "POST", "/stats/reset");
    expect((await admin(sim, "GET", "/stats/bodies")).body.bodies).toEqual({});
  });
});

describe("admin API: spaces", () => {
  it("archives and restores a space, visible through the v2 status filter", async () => {
    const space = [...sim.store.spaces.values()][2];
    await admin(sim, "POST", `/spaces/${space.id}/archive`);
    const archived = await api(sim, "/wiki/api/v2/spaces?status=archived");
    expect(archived.body.results.map((s: { id: string }) => s.id)).toEqual([String(space.id)]);
    await admin(sim, "POST", `/spaces/${space.id}/restore`);
    expect((await api(sim, "/wiki/api/v2/spaces?status=archived")).body.results).toEqual([]);
  });
});
