import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { mayViewRecord } from "../content/visible-records";
import { db, disconnectDb } from "../db";
import { canPersonSee, whoCanSee } from ".";

/**
 * "Who can see this" on real PostgreSQL. Space ENG: group eng and bob by name. alice is in eng
 * (visible email), bob is linked explicitly, dave has no account at all, erin's is deactivated.
 * Space PUB is open to anonymous access.
 */
let connectorId: string;
const app: Record<string, string> = {};
const rec: Record<string, string> = {};
const ENG = "g-eng-0001";

beforeAll(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
  for (const name of ["alice", "bob", "dave", "erin"])
    app[name] = (await db().user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "member" } })).id;
  await db().confluenceUser.createMany({
    data: [
      { connectorId, accountId: "acc-alice", displayName: "Alice", email: "alice@example.com", accountStatus: "active" },
      { connectorId, accountId: "acc-bob", displayName: "Bob", email: null, accountStatus: "active" },
      { connectorId, accountId: "acc-erin", displayName: "Erin", email: "erin@example.com", accountStatus: "inactive" },
    ],
  });
  await db().confluenceAccountLink.create({ data: { userId: app.bob!, connectorId, accountId: "acc-bob", method: "admin" } });
  await db().confluenceGroup.create({ data: { connectorId, groupId: ENG, name: "engineering" } });
  await db().confluenceGroupMember.create({ data: { connectorId, groupId: ENG, accountId: "acc-alice" } });
  await db().spaceReadGrant.createMany({
    data: [
      { connectorId, spaceId: "ENG", principalType: "group", principalId: ENG },
      { connectorId, spaceId: "ENG", principalType: "user", principalId: "acc-bob", viaRole: "Viewer" },
      { connectorId, spaceId: "PUB", principalType: "anonymous", principalId: "" },
    ],
  });
  type Row = [string, string, string, string[], string | null, { state: string; users?: string[]; groups?: string[]; reason?: string } | null];
  const rows: Row[] = [
    ["open", "ENG", "page", [], null, { state: "open" }],
    ["engOnly", "ENG", "page", [], null, { state: "restricted", groups: [ENG] }],
    ["bobUnderEng", "ENG", "page", ["engOnly"], null, { state: "restricted", users: ["acc-bob", "acc-alice"] }],
    ["commentUnderEng", "ENG", "footer_comment", [], "bobUnderEng", null],
    ["unreadable", "ENG", "page", [], null, { state: "nobody", reason: "Confluence answered 403" }],
    ["missingParent", "ENG", "page", ["notStored"], null, { state: "open" }],
    ["public", "PUB", "page", [], null, { state: "open" }],
    ["publicForEng", "PUB", "page", [], null, { state: "restricted", groups: [ENG] }],
  ];
  for (const [key, space, type, ancestors, container, r] of rows) {
    const item = await db().contentItem.create({
      data: {
        connectorId,
        confluenceId: key,
        type,
        title: `Title ${key}`,
        status: "current",
        version: 1,
        spaceConfluenceId: space,
        ancestorIds: ancestors,
        parentId: container ?? ancestors.at(-1) ?? null,
        extra: container ? { containerId: container } : undefined,
      },
    });
    rec[key] = item.id;
    if (r)
      await db().readRestriction.create({
        data: { connectorId, nodeId: key, state: r.state, userIds: r.users ?? [], groupIds: r.groups ?? [], reason: r.reason },
      });
  }
});

afterAll(async () => {
  await disconnectDb();
});

const check = (person: string, key: string) => canPersonSee(rec[key]!, app[person]!);

describe("who can see a record", () => {
  it("lists the space grants with names and roles, and every deciding layer root first with its people and groups", async () => {
    const access = await whoCanSee(rec.commentUnderEng!);
    expect(access.spaceGrants).toEqual([
      { type: "group", id: ENG, name: "engineering", viaRole: "" },
      { type: "user", id: "acc-bob", name: "Bob", viaRole: "Viewer" },
    ]);
    expect(access.layers.map((l) => [l.nodeId, l.title, l.state])).toEqual([
      ["engOnly", "Title engOnly", "restricted"],
      ["bobUnderEng", "Title bobUnderEng", "restricted"],
    ]);
    expect(access.layers[0]!.groups).toEqual([{ type: "group", id: ENG, name: "engineering" }]);
    expect(access.layers[1]!.users.map((u) => u.name)).toEqual(["Bob", "Alice"]);
  });

  it("an open item: a person with a space grant sees it", async () => {
    expect(await check("bob", "open")).toEqual({
      strategy: "mirror",
      visible: true,
      linkedAccount: { id: "acc-bob", displayName: "Bob" },
      decidedBy: { reason: "visible", node: null, detail: null, rule: null },
    });
  });

  it("a restricted parent layer decides No even when the item's own layer names the person", async () => {
    const answer = await check("bob", "bobUnderEng");
    expect(answer.visible).toBe(false);
    expect(answer.decidedBy).toEqual({ reason: "restricted", node: { id: "engOnly", title: "Title engOnly" }, detail: null, rule: null });
    expect((await check("bob", "commentUnderEng")).decidedBy.node?.id).toBe("engOnly");
  });

  it("a group layer is passed through membership", async () => {
    expect((await check("alice", "engOnly")).visible).toBe(true);
    expect((await check("alice", "bobUnderEng")).visible).toBe(true);
  });

  it("a nobody node refuses everyone with its reason; a node never read counts as nobody", async () => {
    expect(await check("alice", "unreadable")).toMatchObject({
      visible: false,
      decidedBy: { reason: "nobody", detail: "Confluence answered 403", node: { id: "unreadable" } },
    });
    const missing = await whoCanSee(rec.missingParent!);
    expect(missing.layers[0]).toMatchObject({ nodeId: "notStored", title: null, state: "nobody" });
    expect((await check("alice", "missingParent")).decidedBy).toMatchObject({ reason: "nobody", detail: "restrictions not read" });
  });

  it("an unlinked person is told so, yet sees an open page in a space open to anonymous access, and no restricted one", async () => {
    expect(await check("dave", "engOnly")).toEqual({
      strategy: "mirror",
      visible: false,
      linkedAccount: null,
      decidedBy: { reason: "not_linked", node: null, detail: null, rule: null },
    });
    expect(await check("dave", "public")).toEqual({
      strategy: "mirror",
      visible: true,
      linkedAccount: null,
      decidedBy: { reason: "visible", node: null, detail: null, rule: null },
    });
    expect(await check("dave", "publicForEng")).toMatchObject({ visible: false, decidedBy: { reason: "restricted", node: { title: "Title publicForEng" } } });
  });

  it("a deactivated Confluence account sees nothing, anonymous spaces included", async () => {
    expect(await check("erin", "public")).toMatchObject({ visible: false, linkedAccount: { id: "acc-erin" }, decidedBy: { reason: "account_deactivated" } });
  });

  it("agrees with the visibility predicate for every person and record", async () => {
    for (const person of ["alice", "bob", "dave", "erin"])
      for (const key of Object.keys(rec))
        expect([person, key, (await check(person, key)).visible]).toEqual([
          person,
          key,
          await mayViewRecord(rec[key]!, { kind: "member", userId: app[person]! }),
        ]);
  });

  it("an unknown record is not found", async () => {
    await expect(whoCanSee("00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
