import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAndMember } from "@/test/api-actors";
import { db, disconnectDb } from "@/lib/db";
import { DELETE as removeMember, PUT as addMember } from "./[id]/members/[userId]/route";
import { DELETE as deleteGroup, PATCH as renameGroup } from "./[id]/route";
import { GET as listGroups, POST as createGroup } from "./route";

// The group routes through their real handlers: administrators only, 201/409/422/404 as documented.
let adminKey: string;
let memberKey: string;
let memberId: string;

beforeAll(async () => {
  ({ adminKey, memberKey, memberId } = await adminAndMember());
});
afterAll(async () => {
  await disconnectDb();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Body = { group: { id: string; name: string }; groups: { name: string }[]; error?: string };
const h = (route: unknown) => route as Handler;
async function call(
  handler: Handler,
  path: string,
  { key = adminKey, body, params = {} }: { key?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  const request = new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Body) };
}

describe("groups of app users over the API", () => {
  it("creates, lists, renames and deletes a group; a member gets 403", async () => {
    const created = await call(h(createGroup), "/api/groups", { body: { name: "  Support  " } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ group: { name: "Support", members: [] } });
    const id = created.body!.group.id;
    expect((await call(h(listGroups), "/api/groups")).body!.groups.map((g) => g.name)).toEqual(["Support"]);
    expect((await call(h(renameGroup), `/api/groups/${id}`, { body: { name: "Helpdesk" }, params: { id } })).body).toMatchObject({
      group: { name: "Helpdesk" },
    });
    expect((await call(h(listGroups), "/api/groups", { key: memberKey })).status).toBe(403);
    expect((await call(h(deleteGroup), `/api/groups/${id}`, { params: { id } })).status).toBe(204);
    expect((await call(h(deleteGroup), `/api/groups/${id}`, { params: { id } })).status).toBe(404);
  });

  it("refuses a duplicate name whatever its case (409) and an empty one (422 at its field)", async () => {
    const first = await call(h(createGroup), "/api/groups", { body: { name: "Engineering" } });
    const dup = await call(h(createGroup), "/api/groups", { body: { name: "engineering" } });
    expect(dup).toMatchObject({ status: 409, body: { error: "CONFLICT" } });
    const other = (await call(h(createGroup), "/api/groups", { body: { name: "Sales" } })).body!.group.id;
    expect((await call(h(renameGroup), `/api/groups/${other}`, { body: { name: "ENGINEERING" }, params: { id: other } })).status).toBe(409);
    // Renaming a group to its own name in another case is not a conflict.
    const id = first.body!.group.id;
    expect((await call(h(renameGroup), `/api/groups/${id}`, { body: { name: "ENGINEERING" }, params: { id } })).status).toBe(200);
    // The database holds the line too, for two requests racing past the check.
    await expect(db().appGroup.create({ data: { name: "sales" } })).rejects.toMatchObject({ code: "P2002" });
    const empty = await call(h(createGroup), "/api/groups", { body: { name: "   " } });
    expect(empty).toMatchObject({ status: 422, body: { error: "VALIDATION", detail: [{ loc: ["body", "name"] }] } });
  });

  it("adds and removes members; an unknown person is a 422, an unknown group or a non-member a 404", async () => {
    const id = (await call(h(createGroup), "/api/groups", { body: { name: "Ops" } })).body!.group.id;
    const path = (userId: string) => `/api/groups/${id}/members/${userId}`;
    const added = await call(h(addMember), path(memberId), { params: { id, userId: memberId } });
    expect(added.body).toMatchObject({ group: { members: [{ id: memberId, name: "Mo", email: "mo@example.com" }] } });
    expect((await call(h(addMember), path(memberId), { params: { id, userId: memberId } })).status).toBe(200);
    const unknown = await call(h(addMember), path("nobody"), { params: { id, userId: "nobody" } });
    expect(unknown).toMatchObject({ status: 422, body: { detail: [{ loc: ["path", "userId"], type: "unknown_user" }] } });
    const noGroup = "00000000-0000-4000-8000-000000000000";
    expect((await call(h(addMember), `/api/groups/${noGroup}/members/${memberId}`, { params: { id: noGroup, userId: memberId } })).status).toBe(404);
    expect((await call(h(addMember), `/api/groups/not-a-uuid/members/${memberId}`, { params: { id: "not-a-uuid", userId: memberId } })).status).toBe(404);
    expect((await call(h(removeMember), path(memberId), { params: { id, userId: memberId } })).body).toMatchObject({ group: { members: [] } });
    expect((await call(h(removeMember), path(memberId), { params: { id, userId: memberId } })).status).toBe(404);
  });
});
