import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { getRecord, listRecords, ZRecordsQuery } from "../content";
import { mayViewRecord } from "../content/visible-records";
import { db, disconnectDb } from "../db";
import { memberAccessSummary, permissionStats, type Viewer } from ".";

/**
 * Confluence's view rule through the real SQL predicate on PostgreSQL, with the mistakes other
 * products make as named cases. Site: space ENG (group eng, and bob by name), space PUB
 * (anonymous), space PRIV (user carol only). People: alice (in eng, visible email), bob (not in
 * eng, hidden email, linked explicitly), carol (in eng), dave (hidden email, no link), erin
 * (deactivated Confluence account, visible email).
 */
let connectorId: string;
const app: Record<string, string> = {};
const rec: Record<string, string> = {};
const ENG_GROUP = "g-eng-0001";

beforeAll(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
  for (const [name, email] of [
    ["alice", "Alice@Example.com"],
    ["bob", "bob@corp.example"],
    ["carol", "carol@example.com"],
    ["dave", "dave@example.com"],
    ["erin", "erin@example.com"],
  ]) {
    app[name] = (await db().user.create({ data: { email: email.toLowerCase(), name, passwordHash: "x", role: "member" } })).id;
  }
  app.admin = (await db().user.create({ data: { email: "root@example.com", name: "root", passwordHash: "x", role: "admin" } })).id;
  await db().confluenceUser.createMany({
    data: [
      { connectorId, accountId: "acc-alice", displayName: "Alice", email: "alice@example.com", accountStatus: "active" },
      { connectorId, accountId: "acc-bob", displayName: "Bob", email: null, accountStatus: "active" },
      { connectorId, accountId: "acc-carol", displayName: "Carol", email: "carol@example.com", accountStatus: "active" },
      { connectorId, accountId: "acc-dave", displayName: "Dave", email: null, accountStatus: "active" },
      { connectorId, accountId: "acc-erin", displayName: "Erin", email: "erin@example.com", accountStatus: "inactive" },
    ],
  });
  await db().confluenceAccountLink.create({ data: { userId: app.bob!, connectorId, accountId: "acc-bob", method: "admin" } });
  await db().confluenceGroup.create({ data: { connectorId, groupId: ENG_GROUP, name: "engineering" } });
  await db().confluenceGroupMember.createMany({ data: ["acc-alice", "acc-carol"].map((accountId) => ({ connectorId, groupId: ENG_GROUP, accountId })) });
  await db().spaceReadGrant.createMany({
    data: [
      { connectorId, spaceId: "ENG", principalType: "group", principalId: ENG_GROUP },
      { connectorId, spaceId: "ENG", principalType: "user", principalId: "acc-bob" },
      { connectorId, spaceId: "PUB", principalType: "anonymous", principalId: "" },
      { connectorId, spaceId: "PRIV", principalType: "user", principalId: "acc-carol" },
    ],
  });
  // [key, type, space, ancestors (root first), container, restriction of the node itself]
  type Row = [string, string, string, string[], string | null, { state: string; users?: string[]; groups?: string[] } | null];
  const rows: Row[] = [
    ["open", "page", "ENG", [], null, { state: "open" }],
    ["engOnly", "page", "ENG", [], null, { state: "restricted", groups: [ENG_GROUP] }],
    ["bobUnderEng", "page", "ENG", ["engOnly"], null, { state: "restricted", users: ["acc-bob"] }],
    ["plainUnderEng", "page", "ENG", ["engOnly"], null, { state: "open" }],
    ["attachmentOfPlain", "attachment", "ENG", [], "plainUnderEng", null],
    ["commentOfPlain", "footer_comment", "ENG", [], "plainUnderEng", null],
    ["aliceUnderEng", "page", "ENG", ["engOnly"], null, { state: "restricted", users: ["acc-alice"] }],
    ["unreadable", "page", "ENG", [], null, { state: "nobody" }],
    ["childOfUnreadable", "page", "ENG", ["unreadable"], null, { state: "open" }],
    ["neverRead", "page", "ENG", [], null, null],
    ["underMissingAncestor", "page", "ENG", ["notStored"], null, { state: "open" }],
    ["public", "page", "PUB", [], null, { state: "open" }],
    ["publicRestricted", "page", "PUB", [], null, { state: "restricted", users: ["acc-someone-else"] }],
    ["private", "page", "PRIV", [], null, { state: "open" }],
    ["blog", "blogpost", "ENG", [], null, { state: "open" }],
  ];
  for (const [key, type, space, ancestors, container, restriction] of rows) {
    const item = await db().contentItem.create({
      data: {
        connectorId,
        confluenceId: key,
        type,
        title: key,
        status: "current",
        version: 1,
        spaceConfluenceId: space,
        ancestorIds: ancestors,
        parentId: container ?? ancestors.at(-1) ?? null,
        extra: container ? { containerId: container } : undefined,
      },
    });
    rec[key] = item.id;
    if (restriction)
      await db().readRestriction.create({
        data: { connectorId, nodeId: key, state: restriction.state, userIds: restriction.users ?? [], groupIds: restriction.groups ?? [] },
      });
  }
});

afterAll(async () => {
  await disconnectDb();
});

const as = (name: string): Viewer => (name === "admin" ? { kind: "admin" } : { kind: "member", userId: app[name]! });
const sees = (name: string, key: string) => mayViewRecord(rec[key]!, as(name));

describe("who may view an item (Confluence's rule, one SQL predicate)", () => {
  it("closest restricted ancestor does not win: a child restricted to bob under a parent restricted to eng stays closed to bob, who is not in eng", async () => {
    expect(await sees("bob", "bobUnderEng")).toBe(false);
    expect(await sees("alice", "bobUnderEng")).toBe(false);
    expect(await sees("bob", "open")).toBe(true);
  });

  it("attachments and comments take their container's answer, ancestors included, not only the page's own restriction", async () => {
    expect(await sees("bob", "plainUnderEng")).toBe(false);
    expect(await sees("bob", "attachmentOfPlain")).toBe(false);
    expect(await sees("bob", "commentOfPlain")).toBe(false);
    expect(await sees("alice", "attachmentOfPlain")).toBe(true);
    expect(await sees("alice", "commentOfPlain")).toBe(true);
  });

  it("layers are checked by membership, not by intersecting identities: alice in eng passes {group eng} then {user alice}", async () => {
    expect(await sees("alice", "aliceUnderEng")).toBe(true);
    expect(await sees("carol", "aliceUnderEng")).toBe(false);
  });

  it("an empty restriction list means unrestricted, not nobody", async () => {
    expect(await sees("alice", "open")).toBe(true);
    expect(await sees("carol", "open")).toBe(true);
    expect(await sees("alice", "blog")).toBe(true);
  });

  it("fail closed is an explicit nobody: unreadable, never read, or below an unread ancestor is hidden from members (and shown to admins)", async () => {
    for (const key of ["unreadable", "childOfUnreadable", "neverRead", "underMissingAncestor"]) {
      expect(await sees("alice", key), key).toBe(false);
      expect(await sees("admin", key), key).toBe(true);
    }
  });

  it("a hidden email is no obstacle: bob, linked by account id, sees what his account may; dave, hidden and unlinked, sees only what anonymous access may", async () => {
    expect(await sees("bob", "open")).toBe(true);
    for (const key of ["open", "blog", "private", "engOnly"]) expect(await sees("dave", key), key).toBe(false);
    expect(await sees("dave", "public")).toBe(true);
    // An anonymous viewer passes no restricted layer, even in a space open to anonymous access.
    expect(await sees("dave", "publicRestricted")).toBe(false);
    expect((await memberAccessSummary(app.dave!)).linked).toEqual([]);
    expect((await memberAccessSummary(app.alice!)).linked).toEqual([expect.objectContaining({ accountId: "acc-alice", method: "email" })]);
  });

  it("space grants decide first: anonymous grants admit every linked member, a user grant only that user", async () => {
    expect(await sees("alice", "public")).toBe(true);
    expect(await sees("bob", "public")).toBe(true);
    expect(await sees("carol", "private")).toBe(true);
    expect(await sees("alice", "private")).toBe(false);
  });

  it("a deactivated Confluence account sees nothing, even with a matching email (not even what anonymous access may)", async () => {
    expect(await sees("erin", "public")).toBe(false);
    expect(await sees("erin", "open")).toBe(false);
  });

  it("All Records for a member counts and lists only what they may view", async () => {
    const page = await listRecords(ZRecordsQuery.parse({ pageSize: "100", sort: "title" }), as("bob"));
    expect(page.records.map((r) => r.title).sort()).toEqual(["blog", "open", "public"]);
    expect(page.total).toBe(3);
    const alice = await listRecords(ZRecordsQuery.parse({ pageSize: "100" }), as("alice"));
    expect(alice.records.map((r) => r.title).sort()).toEqual([
      "aliceUnderEng",
      "attachmentOfPlain",
      "blog",
      "commentOfPlain",
      "engOnly",
      "open",
      "plainUnderEng",
      "public",
    ]);
  });
});

describe("the dashboard's Permissions panel", () => {
  it("counts the mirror, and the items no member can see (below an unreadable, unread or missing node)", async () => {
    expect(await permissionStats(connectorId)).toEqual({
      strategy: "mirror",
      audience: null,
      users: 5,
      hiddenEmails: 2,
      groups: 1,
      memberships: 2,
      spaceGrants: 4,
      anonymousSpaces: 1,
      restrictedNodes: 4,
      unreadableNodes: 1,
      itemsVisibleToNobody: 4,
      explicitLinks: 1,
    });
    await expect(permissionStats("no-such-connector")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("record detail", () => {
  it("is not found for a member who may not view it, and shown to one who may", async () => {
    await expect(getRecord(rec.bobUnderEng!, as("bob"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getRecord(rec.aliceUnderEng!, as("alice"))).title).toBe("aliceUnderEng");
    expect((await getRecord(rec.unreadable!, as("admin"))).title).toBe("unreadable");
  });
});
