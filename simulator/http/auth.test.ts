import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import type { Content, User } from "../store/types";
import { admin, api, basic, collectAll, startSmall } from "../test/helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSmall({ pages: 400 });
});
afterAll(() => sim.close());

const as = (u: User) => basic(u.email, u.apiToken!);
const users = () => [...sim.store.users.values()].filter((u) => !u.isAdmin);

describe("API-token authentication and permissions", () => {
  it("a wrong email:token pair gets 401 on v2 and v1", async () => {
    const bad = basic(sim.admin.email, "wrong");
    expect((await api(sim, "/wiki/api/v2/spaces", { auth: bad })).status).toBe(401);
    expect((await api(sim, "/wiki/rest/api/search?cql=type=page", { auth: bad })).status).toBe(401);
    expect((await api(sim, "/wiki/api/v2/spaces", { auth: basic("nobody@example.com", "x") })).status).toBe(401);
  });

  it("a Bearer token on the site URL is refused (OAuth goes through the gateway)", async () => {
    expect((await api(sim, "/wiki/api/v2/spaces", { auth: "Bearer abc" })).status).toBe(401);
  });

  it("a user without access to a space gets 404 for it and does not see it listed", async () => {
    const hr = [...sim.store.spaces.values()][3];
    const hrGroup = [...sim.store.groups.values()].find((g) => g.name === "hr")!;
    const outsider = users().find((u) => !hrGroup.members.has(u.accountId))!;
    const insider = users().find((u) => hrGroup.members.has(u.accountId))!;
    expect((await api(sim, `/wiki/api/v2/spaces/${hr.id}`, { auth: as(outsider) })).status).toBe(404);
    expect((await api(sim, `/wiki/api/v2/spaces/${hr.id}`, { auth: as(insider) })).status).toBe(200);
    const listed = await collectAll(sim, "/wiki/api/v2/spaces?limit=250", as(outsider));
    expect(listed).not.toContain(String(hr.id));
    const hrPage = sim.store.contentList.find((c) => c.spaceId === hr.id && c.type === "page")!;
    expect((await api(sim, `/wiki/api/v2/pages/${hrPage.id}`, { auth: as(outsider) })).status).toBe(404);
    expect((await api(sim, `/wiki/api/v2/spaces/${hr.id}/pages`, { auth: as(outsider) })).status).toBe(404);
  });

  it("a page restricted away from a user is invisible, and so are its descendants (inherited)", async () => {
    const s = sim.store;
    const space = [...s.spaces.values()][0];
    const allowed = users()[0];
    const denied = users().find((u) => u !== allowed && s.groupsOf(u.accountId).some((g) => g.name === "confluence-users"))!;
    const parent = (await admin(sim, "POST", "/pages", { spaceId: space.id, title: "Secret parent" })).body;
    const child = (await admin(sim, "POST", "/pages", { spaceId: space.id, title: "Secret child", parentId: parent.id })).body;
    await admin(sim, "PUT", `/pages/${parent.id}/restrictions`, { users: [allowed.accountId] });
    for (const id of [parent.id, child.id]) {
      expect((await api(sim, `/wiki/api/v2/pages/${id}`, { auth: as(denied) })).status).toBe(404);
      expect((await api(sim, `/wiki/api/v2/pages/${id}`, { auth: as(allowed) })).status).toBe(200);
      expect((await api(sim, `/wiki/api/v2/pages/${id}`)).status).toBe(200);
    }
    const deniedList = await collectAll(sim, `/wiki/api/v2/spaces/${space.id}/pages?limit=250`, as(denied));
    expect(deniedList).not.toContain(child.id);
    const restriction = await api(sim, `/wiki/rest/api/content/${parent.id}/restriction/byOperation/read`);
    expect(restriction.body.restrictions.user.results.map((u: { accountId: string }) => u.accountId)).toEqual([allowed.accountId]);
  });

  it("anonymous requests see only spaces granted to anonymous", async () => {
    const spaces = await collectAll(sim, "/wiki/api/v2/spaces", null as unknown as string);
    const anon = [...sim.store.spaces.values()].filter((s) => s.permissions.some((p) => p.principalType === "anonymous"));
    expect(spaces.sort()).toEqual(anon.map((s) => String(s.id)).sort());
  });

  it("the admin sees every space including personal ones", async () => {
    const spaces = await collectAll(sim, "/wiki/api/v2/spaces");
    expect(spaces.length).toBe(sim.store.spaces.size);
    const r = await api(sim, "/wiki/api/v2/spaces?type=personal");
    expect(r.body.results.length).toBeGreaterThan(0);
  });
});

export type { Content };
