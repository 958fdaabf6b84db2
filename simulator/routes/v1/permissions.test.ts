import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../index";
import { admin, api, basic, startSmall } from "../../test/helpers";
import { VIEWER_ROLE_ID } from "../../store/roles";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSmall({ pages: 120 });
});
afterAll(() => sim.close());

const regular = () => [...sim.store.users.values()].filter((u) => !u.isAdmin);
const firstPage = () => sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && !c.readRestriction)!;

describe("permission features a connector mirrors", () => {
  it("pages restriction subject lists longer than one page, with totals", async () => {
    const page = firstPage();
    for (let i = 0; i < 130; i++) await admin(sim, "POST", "/users", { email: `bulk${i}@example.com`, apiToken: `bulk-${i}` });
    const ids = [...sim.store.users.values()].filter((u) => u.email.startsWith("bulk")).map((u) => u.accountId);
    await admin(sim, "PUT", `/pages/${page.id}/restrictions`, { users: ids, groups: [] });
    const path = `/wiki/rest/api/content/${page.id}/restriction/byOperation/read`;
    const one = await api(sim, path);
    expect(one.body.restrictions.user).toMatchObject({ start: 0, limit: 100, size: 100, totalSize: 130 });
    const two = await api(sim, `${path}?start=100&limit=100`);
    expect(two.body.restrictions.user).toMatchObject({ start: 100, size: 30, totalSize: 130 });
    await admin(sim, "PUT", `/pages/${page.id}/restrictions`, { users: [], groups: [] });
  });

  it("fails chosen restriction reads with the status set through the admin API until cleared", async () => {
    const page = firstPage();
    const path = `/wiki/rest/api/content/${page.id}/restriction/byOperation/read`;
    await admin(sim, "PUT", "/faults/restrictions", { [page.id]: 404 });
    expect((await api(sim, path)).status).toBe(404);
    expect((await api(sim, `/wiki/api/v2/pages/${page.id}`)).status).toBe(200);
    await admin(sim, "DELETE", "/faults/restrictions");
    expect((await api(sim, path)).status).toBe(200);
  });

  it("lets holders of a space role read the space when the role is granted read", async () => {
    const space = [...sim.store.spaces.values()].find((s) => s.type === "global" && s.permissions.every((p) => p.principalType !== "anonymous"))!;
    const { id: groupId } = (await admin(sim, "POST", "/groups", { name: "role-holders" })).body;
    const user = (await admin(sim, "POST", "/users", { email: "roley@example.com", apiToken: "roley-token", groups: [] })).body;
    const as = basic("roley@example.com", "roley-token");
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth: as })).status).toBe(404);
    await admin(sim, "POST", `/spaces/${space.id}/permissions`, {
      principalType: "role",
      principalId: VIEWER_ROLE_ID,
      operations: [{ key: "read", targetType: "space" }],
    });
    await admin(sim, "POST", `/spaces/${space.id}/role-assignments`, { principalType: "GROUP", principalId: groupId, roleId: VIEWER_ROLE_ID });
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth: as })).status).toBe(404);
    await admin(sim, "POST", `/groups/${groupId}/members`, { accountId: user.accountId });
    expect((await api(sim, `/wiki/api/v2/spaces/${space.id}`, { auth: as })).status).toBe(200);
    const perms = await api(sim, `/wiki/api/v2/spaces/${space.id}/permissions?limit=250`);
    expect(perms.body.results).toContainEqual(expect.objectContaining({ principal: { type: "role", id: VIEWER_ROLE_ID } }));
    const holders = await api(sim, `/wiki/api/v2/spaces/${space.id}/role-assignments`);
    expect(holders.body.results).toContainEqual({ principal: { principalType: "GROUP", principalId: groupId }, roleId: VIEWER_ROLE_ID });
    expect((await api(sim, "/wiki/api/v2/space-roles")).body.results.map((r: { displayName: string }) => r.displayName)).toContain("Viewer");
  });

  it("shows a closed account as Former user with no email, and a deactivated one cannot sign in", async () => {
    const closed = regular().find((u) => u.accountStatus === "closed")!;
    const r = await api(sim, `/wiki/rest/api/user?accountId=${encodeURIComponent(closed.accountId)}`);
    expect(r.body).toMatchObject({ accountId: closed.accountId, displayName: "Former user", email: "", accountStatus: "closed" });
    const inactive = regular().find((u) => u.accountStatus === "inactive")!;
    expect((await api(sim, "/wiki/api/v2/spaces", { auth: basic(inactive.email, inactive.apiToken!) })).status).toBe(401);
  });

  it("renames a group, keeping its id", async () => {
    const g = [...sim.store.groups.values()].find((x) => x.name === "marketing")!;
    await admin(sim, "PATCH", `/groups/${g.id}`, { name: "brand" });
    const r = await api(sim, `/wiki/rest/api/group/by-id?id=${g.id}`);
    expect(r.body).toMatchObject({ id: g.id, name: "brand" });
  });
});
