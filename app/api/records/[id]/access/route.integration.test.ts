import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAndMember } from "@/test/api-actors";
import { db, disconnectDb } from "@/lib/db";
import { POST as indexRecords } from "../../index/route";
import { GET } from "./route";

// The access route through its real handler: administrators get the answer, members the same
// 404 as a missing record, and members cannot use the administrator-only index control either.
let adminKey: string;
let memberKey: string;
let memberId: string;
let recordId: string;

beforeAll(async () => {
  ({ adminKey, memberKey, memberId } = await adminAndMember());
  const connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
  await db().spaceReadGrant.create({ data: { connectorId, spaceId: "PUB", principalType: "anonymous", principalId: "" } });
  const item = await db().contentItem.create({
    data: { connectorId, confluenceId: "p1", type: "page", title: "Open page", status: "current", version: 1, spaceConfluenceId: "PUB" },
  });
  await db().readRestriction.create({ data: { connectorId, nodeId: "p1", state: "open" } });
  recordId = item.id;
});
afterAll(async () => {
  await disconnectDb();
});

async function access(key: string, id: string, search = "") {
  const response = await GET(new Request(`http://localhost:3000/api/records/${id}/access${search}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/records/<id>/access", () => {
  it("gives an administrator the space grants and layers, and a person check on request", async () => {
    const plain = await access(adminKey, recordId);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ spaceGrants: [{ type: "anonymous" }], layers: [{ nodeId: "p1", state: "open" }] });
    expect(plain.body.check).toBeUndefined();
    const checked = await access(adminKey, recordId, `?user=${memberId}`);
    expect(checked.body.check).toMatchObject({ linkedAccount: null });
  });

  it("is a 404 for a member and for an unknown record", async () => {
    expect((await access(memberKey, recordId)).status).toBe(404);
    expect((await access(adminKey, "no-such-record")).status).toBe(404);
  });

  it("answers an unknown or empty user id with a 422 naming the query field", async () => {
    for (const search of ["?user=nobody-here", "?user="]) {
      const bad = await access(adminKey, recordId, search);
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ error: "VALIDATION", detail: [{ loc: ["query", "user"] }] });
    }
  });

  it("refuses the administrator-only index control to a member", async () => {
    const response = await indexRecords(
      new Request("http://localhost:3000/api/records/index", {
        method: "POST",
        headers: { authorization: `Bearer ${memberKey}`, "content-type": "application/json" },
        body: JSON.stringify({ ids: [recordId] }),
      }),
    );
    expect(response.status).toBe(403);
  });
});
