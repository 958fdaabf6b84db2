import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Access } from "../../store/access";
import type { User } from "../../store/types";
import { admin } from "../../test/helpers";
import { basicOf, dcGet, patOf, startDc, walkOffset } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
let user: User;
beforeAll(async () => {
  sim = await startDc({ version: "9.2" }, { pages: 300 });
  const users = (await admin(sim, "GET", "/dc")).body.users as { username: string; accountId: string }[];
  user = sim.store.users.get(users.find((u) => u.username === sim.dc.user.username)!.accountId)!;
});
afterAll(() => sim.close());

const s = () => sim.store;
const asUser = () => patOf(sim.dc.user);

describe("Data Center permissions, evaluated for whoever calls", () => {
  it("shows the ordinary user exactly the spaces and pages the shared rule allows, and 404 for the rest", async () => {
    const access = new Access(s(), user);
    const spaces = await walkOffset(sim, "/rest/api/space?limit=100", asUser());
    expect(spaces.ids.sort()).toEqual(
      [...s().spaces.values()]
        .filter((x) => access.canReadSpace(x))
        .map((x) => x.id)
        .sort(),
    );
    const pages = await walkOffset(sim, "/rest/api/content?type=page&limit=1000", asUser());
    const expected = s().contentList.filter((c) => c.type === "page" && c.status === "current" && access.canReadContent(c));
    expect(pages.ids).toEqual(expected.map((c) => String(c.id)));
    const hidden = s().contentList.find((c) => c.type === "page" && c.status === "current" && !access.canReadContent(c))!;
    expect((await dcGet(sim, `/rest/api/content/${hidden.id}`, asUser())).status).toBe(404);
    expect((await dcGet(sim, `/rest/api/content/${hidden.id}`)).status).toBe(200);
    const everything = await walkOffset(sim, "/rest/api/content?type=page&limit=1000");
    expect(everything.ids.length).toBeGreaterThan(pages.ids.length);
  });

  it("lists read restrictions: byOperation/read only the page's own, relevantViewRestrictions every inherited layer", async () => {
    const parent = s().contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        !c.readRestriction &&
        s().contentList.some((k) => k.parentId === c.id && k.type === "page" && k.status === "current"),
    )!;
    const child = s().contentList.find((k) => k.parentId === parent.id && k.type === "page" && k.status === "current")!;
    const group = [...s().groups.values()].find((g) => g.name === "engineering")!;
    await admin(sim, "PUT", `/pages/${parent.id}/restrictions`, { users: [user.accountId], groups: [group.id] });
    await admin(sim, "PUT", `/pages/${child.id}/restrictions`, { users: [user.accountId], groups: [] });
    const own = await dcGet(sim, `/rest/api/content/${child.id}/restriction/byOperation/read`);
    expect(own.body.restrictions.group.size).toBe(0);
    expect(own.body.restrictions.user.results.map((u: { username: string }) => u.username)).toEqual([sim.dc.user.username]);
    const layers = await dcGet(sim, `/rest/api/content/${child.id}/restriction/relevantViewRestrictions`);
    expect(layers.body.results.map((l: { content: { id: string } }) => l.content.id)).toEqual([String(child.id), String(parent.id)]);
    expect(layers.body.results[1].restrictions.group.results).toEqual([expect.objectContaining({ type: "group", name: "engineering" })]);
    // The user is named on both layers (and may read the space), so they see the child; a user on neither does not.
    const access = new Access(s(), user);
    expect((await dcGet(sim, `/rest/api/content/${child.id}`, asUser())).status).toBe(access.canReadContent(child) ? 200 : 404);
    const other = [...s().users.values()].find((u) => !u.isAdmin && u.accountId !== user.accountId && !group.members.has(u.accountId))!;
    const otherAccount = (await admin(sim, "GET", "/dc")).body.users.find((u: { accountId: string }) => u.accountId === other.accountId);
    expect((await dcGet(sim, `/rest/api/content/${child.id}`, `Bearer ${otherAccount.pat}`)).status).toBe(404);
    expect((await dcGet(sim, `/rest/api/content/${child.id}/restriction/relevantViewRestrictions`, `Bearer ${otherAccount.pat}`)).status).toBe(404);
  });

  it("gives space permissions to administrators only (403 otherwise), naming groups by name, users by user key and anonymous access", async () => {
    const anon = [...s().spaces.values()].find((x) => x.permissions.some((p) => p.principalType === "anonymous"))!;
    const r = await dcGet(sim, `/rest/api/space/${anon.key}/permissions`);
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(anon.permissions.length);
    expect(r.body).toContainEqual({
      operation: { targetType: "space", operationKey: "read" },
      subject: { type: "anonymous" },
      spaceKey: anon.key,
      spaceId: anon.id,
    });
    const groupGrant = r.body.find((p: { subject: { type: string } }) => p.subject.type === "group");
    expect(s().groups.get(anon.permissions.find((p) => p.principalType === "group")!.principalId!)!.name).toBe(groupGrant.subject.name);
    const userGrant = r.body.find((p: { subject: { type: string } }) => p.subject.type === "user");
    const person = await dcGet(sim, `/rest/api/user?key=${userGrant.subject.userKey}`);
    expect(person.body.username).toBeTruthy();
    const onlyAnon = await dcGet(sim, `/rest/api/space/${anon.key}/permissions/anonymous`);
    expect(onlyAnon.body.every((p: { subject: { type: string } }) => p.subject.type === "anonymous")).toBe(true);
    const denied = await dcGet(sim, `/rest/api/space/${anon.key}/permissions`, asUser());
    expect(denied.status).toBe(403);
    expect(denied.body.statusCode).toBe(403);
  });

  it("lists groups with their members by username and user key, and a user's groups", async () => {
    const groups = await walkOffset(sim, "/rest/api/group?limit=2", asUser());
    expect(groups.ids.length).toBe(s().groups.size);
    expect(groups.requests).toBe(Math.ceil(s().groups.size / 2));
    const names = (await dcGet(sim, "/rest/api/group?limit=100", asUser())).body.results.map((g: { name: string }) => g.name);
    expect(names.sort()).toEqual([...s().groups.values()].map((g) => g.name).sort());
    const g = [...s().groups.values()].find((x) => x.members.size > 2)!;
    const members = await dcGet(sim, `/rest/api/group/${encodeURIComponent(g.name)}/member?limit=1000`, asUser());
    const dir = (await admin(sim, "GET", "/dc")).body.users as { username: string; userKey: string; accountId: string }[];
    expect(members.body.results.map((u: { userKey: string }) => u.userKey).sort()).toEqual(
      [...g.members].map((id) => dir.find((d) => d.accountId === id)!.userKey).sort(),
    );
    const mine = await dcGet(sim, `/rest/api/user/memberof?username=${sim.dc.user.username}`, asUser());
    expect(mine.body.results.map((x: { name: string }) => x.name).sort()).toEqual(
      s()
        .groupsOf(user.accountId)
        .map((x) => x.name)
        .sort(),
    );
    expect((await dcGet(sim, `/rest/api/user?username=${sim.dc.user.username}`, basicOf(sim.dc.admin))).body.userKey).toBe(sim.dc.user.userKey);
    expect((await dcGet(sim, "/rest/api/group/no-such-group/member", asUser())).status).toBe(404);
  });

  it("turns a grant to a Cloud space role into the same grant to each holder of the role (Data Center has no roles)", async () => {
    const space = [...s().spaces.values()].find((x) => x.type === "global")!;
    const group = [...s().groups.values()].find((g) => g.name === "finance")!;
    const saved = { permissions: space.permissions, roles: (space as { roleAssignments?: unknown }).roleAssignments };
    try {
      space.permissions = [{ id: "role-grant", principalType: "role" as never, principalId: "viewer", operation: "read", targetType: "space" }];
      Object.assign(space, {
        roleAssignments: [
          { principalType: "group", principalId: group.id, roleId: "viewer" },
          { principalType: "user", principalId: user.accountId, roleId: "viewer" },
          { principalType: "access_class", principalId: "ANONYMOUS_ACCESS", roleId: "viewer" },
          { principalType: "group", principalId: group.id, roleId: "other-role" },
        ],
      });
      const r = await dcGet(sim, `/rest/api/space/${space.key}/permissions`);
      expect(r.body.map((p: { subject: unknown }) => p.subject)).toEqual([
        { type: "group", name: "finance" },
        { type: "user", userKey: sim.dc.user.userKey },
        { type: "anonymous" },
      ]);
    } finally {
      space.permissions = saved.permissions;
      Object.assign(space, { roleAssignments: saved.roles });
    }
  });

  it("refuses sign-in to deactivated accounts and applies restriction read faults", async () => {
    (user as { accountStatus?: string }).accountStatus = "inactive";
    try {
      expect((await dcGet(sim, "/rest/api/user/current", asUser())).status).toBe(401);
      expect((await dcGet(sim, "/rest/api/user/current", basicOf(sim.dc.user))).status).toBe(401);
    } finally {
      (user as { accountStatus?: string }).accountStatus = "active";
    }
    expect((await dcGet(sim, "/rest/api/user/current", asUser())).status).toBe(200);
    const page = s().contentList.find((c) => c.type === "page" && c.status === "current")!;
    // `PUT /__admin/faults/restrictions` fills this map (it arrives with the permission features); set it directly here.
    const state = sim.state as { restrictionFaults?: Map<string, number> };
    const faults = (state.restrictionFaults ??= new Map());
    faults.set(String(page.id), 503);
    try {
      expect((await dcGet(sim, `/rest/api/content/${page.id}/restriction/byOperation/read`)).status).toBe(503);
      expect((await dcGet(sim, `/rest/api/content/${page.id}/restriction/relevantViewRestrictions`)).status).toBe(503);
    } finally {
      faults.delete(String(page.id));
    }
  });
});
