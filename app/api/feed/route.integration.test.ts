import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAndMember } from "@/test/api-actors";
import { db, disconnectDb } from "@/lib/db";
import { GET as principals } from "./principals/route";
import { GET } from "./route";

// The feed route through its real handler: who may read it, what bad input gets, and the 410 that
// tells a consumer to start over (a cursor from another store, or older than the pruned deletions).
let adminKey: string;
let memberKey: string;
let connectorId: string;

beforeAll(async () => {
  ({ adminKey, memberKey } = await adminAndMember());
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
  await db().spaceReadGrant.create({ data: { connectorId, spaceId: "S1", principalType: "group", principalId: "g-1" } });
  await db().readRestriction.create({ data: { connectorId, nodeId: "p1", state: "open" } });
});
afterAll(async () => {
  await disconnectDb();
});

async function feed(key: string, search = "") {
  const response = await GET(new Request(`http://localhost:3000/api/feed${search}`, { headers: { authorization: `Bearer ${key}` } }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/feed", () => {
  it("is for administrators: a member is refused, and so is a revoked or made-up key", async () => {
    expect((await feed("not-a-key")).status).toBe(401);
    expect((await feed(memberKey)).status).toBe(403);
    expect((await feed(adminKey)).status).toBe(200);
  });

  it("answers a bad limit with a 422 on the field, and a cursor it never gave out with a 410 that says to start over", async () => {
    const bad = await feed(adminKey, "?limit=0");
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toEqual([expect.objectContaining({ loc: ["query", "limit"] })]);
    const unknown = await feed(adminKey, "?cursor=bm90LWEtY3Vyc29y");
    expect(unknown.status).toBe(410);
    expect(unknown.body).toMatchObject({ error: "GONE", message: expect.stringContaining("Start over") });
  });

  it("sends an indexed record with who may see it, then its deletion; a cursor from before a pruned deletion gets a 410", async () => {
    const item = await db().contentItem.create({
      data: {
        connectorId,
        confluenceId: "p1",
        type: "page",
        title: "Runbook",
        status: "current",
        version: 1,
        spaceConfluenceId: "S1",
        indexStatus: "indexed",
        markdown: "# Runbook",
      },
    });
    const first = await feed(adminKey);
    expect(first.body.changes).toEqual([
      expect.objectContaining({
        op: "upsert",
        key: `${connectorId}/p1`,
        record: expect.objectContaining({
          id: item.id,
          markdown: "# Runbook",
          access: { strategy: "mirror", space: { anonymous: false, licensed: false, users: [], groups: ["g-1"] }, layers: [] },
        }),
      }),
    ]);
    const before = String(first.body.cursor);
    await db().contentItem.delete({ where: { id: item.id } });
    const gone = await feed(adminKey, `?cursor=${before}`);
    expect(gone.body.changes).toEqual([expect.objectContaining({ op: "delete", key: `${connectorId}/p1`, recordId: item.id, reason: "deleted" })]);
    const after = String(gone.body.cursor);

    // The deletion ages past the retention and is pruned: a consumer that never read it must start over.
    await db().$executeRaw`UPDATE feed_entries SET changed_at = now() - interval '400 days' WHERE op = 'delete'`;
    const expired = await feed(adminKey, `?cursor=${before}`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toContain("expired");
    // One that had read it goes on.
    expect(await feed(adminKey, `?cursor=${after}`)).toMatchObject({ status: 200, body: { changes: [], cursor: after, hasMore: false } });
  });

  it("lists the connector's people and groups with their members, for consumers that enforce group layers", async () => {
    await db().confluenceUser.createMany({
      data: [
        { connectorId, accountId: "a-1", displayName: "Amy", email: "", accountStatus: "active" },
        { connectorId, accountId: "a-2", displayName: "Former user", accountStatus: "closed" },
      ],
    });
    await db().confluenceGroup.create({ data: { connectorId, groupId: "g-1", name: "eng" } });
    await db().confluenceGroupMember.create({ data: { connectorId, groupId: "g-1", accountId: "a-1" } });
    const ask = async (key: string, search: string) => {
      const response = await principals(new Request(`http://localhost:3000/api/feed/principals${search}`, { headers: { authorization: `Bearer ${key}` } }));
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const listed = await ask(adminKey, `?connectorId=${connectorId}`);
    expect(listed).toMatchObject({
      status: 200,
      body: {
        users: [expect.objectContaining({ accountId: "a-1", email: null, active: true }), expect.objectContaining({ accountId: "a-2", active: false })],
        groups: [{ id: "g-1", name: "eng", members: ["a-1"] }],
      },
    });
    expect((await ask(memberKey, `?connectorId=${connectorId}`)).status).toBe(403);
    expect((await ask(adminKey, "")).body.detail).toEqual([expect.objectContaining({ loc: ["query", "connectorId"] })]);
  });
});
