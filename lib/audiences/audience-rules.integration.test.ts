import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { getRecord, listRecords, searchRecords, ZRecordsQuery, ZSearchQuery } from "../content";
import { updateConnector } from "../connectors";
import { db, disconnectDb } from "../db";
import { readFeed, ZFeedQuery, type FeedChange } from "../feed";
import { canPersonSee, memberAccessSummary, permissionStats, whoCanSee, type Viewer } from "../permissions";
import { deleteUser } from "../auth";
import { addGroupMember, createGroup, deleteGroup, type AudienceRule } from ".";

/**
 * Audience rules through the real SQL predicate. Site: spaces A and B, each with a page (A's
 * page has a comment). The Confluence mirror says: B is open to anonymous access, A to no one
 * (so, mirrored, an unlinked member sees B only). People: mia (in group "readers"), noa (in no
 * group), and an administrator.
 */
let connectorId: string;
let groupId: string;
const app: Record<string, string> = {};
const rec: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token", status: "active" } })).id;
  for (const name of ["mia", "noa"])
    app[name] = (await db().user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "member" } })).id;
  app.admin = (await db().user.create({ data: { email: "root@example.com", name: "root", passwordHash: "x", role: "admin" } })).id;
  await db().confluenceSpace.createMany({
    data: ["A", "B"].map((id) => ({ connectorId, confluenceId: id, key: id, name: `Space ${id}`, type: "global", status: "current" })),
  });
  await db().spaceReadGrant.create({ data: { connectorId, spaceId: "B", principalType: "anonymous", principalId: "" } });
  const rows: [string, string, string, string | null][] = [
    ["pageA", "page", "A", null],
    ["commentA", "footer_comment", "A", "pageA"],
    ["pageB", "page", "B", null],
  ];
  for (const [key, type, space, container] of rows) {
    const item = await db().contentItem.create({
      data: {
        connectorId,
        confluenceId: key,
        type,
        title: key,
        status: "current",
        version: 1,
        spaceConfluenceId: space,
        parentId: container,
        extra: container ? { containerId: container } : undefined,
        indexStatus: "indexed",
      },
    });
    rec[key] = item.id;
    await db().$executeRaw`
      INSERT INTO search_chunks (content_item_id, connector_id, ordinal, heading_path, text, language, tsv)
      VALUES (${item.id}, ${connectorId}, 0, ARRAY[]::text[], ${`wombatquill ${key}`}, 'simple', to_tsvector('simple', ${`wombatquill ${key}`}))`;
    if (type === "page") await db().readRestriction.create({ data: { connectorId, nodeId: key, state: "open" } });
  }
  groupId = (await createGroup({ name: "Readers" })).id;
  await addGroupMember(groupId, app.mia!);
});

afterAll(async () => {
  await disconnectDb();
});

const as = (name: string): Viewer => (name === "admin" ? { kind: "admin" } : { kind: "member", userId: app[name]! });
const searched = async (name: string) => (await searchRecords(ZSearchQuery.parse({ q: "wombatquill" }), as(name))).hits.map((h) => h.title).sort();
const listed = async (name: string) => (await listRecords(ZRecordsQuery.parse({ pageSize: "100" }), as(name))).records.map((r) => r.title).sort();
const setAccess = (strategy: "mirror" | "audience", rules: AudienceRule[] = []) => updateConnector(connectorId, { access: { strategy, rules } });
const group = (spaceId: string | null): AudienceRule => ({ spaceId, principalType: "app_group", principalId: groupId });

describe("audience rules decide what members see", () => {
  it("a member in a group allowed on space A sees A's records and not B's, in search, All Records and record detail", async () => {
    await setAccess("audience", [group("A")]);
    expect(await searched("mia")).toEqual(["commentA", "pageA"]);
    expect(await listed("mia")).toEqual(["commentA", "pageA"]);
    expect((await getRecord(rec.pageA!, as("mia"))).title).toBe("pageA");
    await expect(getRecord(rec.pageB!, as("mia"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // No rule names noa or a group of hers; the anonymous grant on B plays no part any more.
    expect(await searched("noa")).toEqual([]);
    expect(await listed("admin")).toEqual(["commentA", "pageA", "pageB"]);
  });

  it("switching the connector back to mirror applies Confluence's rule at the next query", async () => {
    await setAccess("mirror", [group("A")]);
    expect(await searched("mia")).toEqual(["pageB"]);
    expect(await listed("noa")).toEqual(["pageB"]);
    await expect(getRecord(rec.pageA!, as("mia"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a whole-connector rule covers every space; a rule naming a person admits only that person", async () => {
    await setAccess("audience", [group(null)]);
    expect(await searched("mia")).toEqual(["commentA", "pageA", "pageB"]);
    expect(await searched("noa")).toEqual([]);
    await setAccess("audience", [{ spaceId: "B", principalType: "user", principalId: app.noa! }]);
    expect(await listed("noa")).toEqual(["pageB"]);
    expect(await listed("mia")).toEqual([]);
  });

  it("says which strategy decided: Who can see this, the person check, the member's notice and the dashboard", async () => {
    await setAccess("audience", [group("A"), { spaceId: null, principalType: "user", principalId: app.noa! }]);
    const access = await whoCanSee(rec.commentA!);
    expect(access.strategy).toBe("audience");
    expect(access.audience.map((r) => [r.spaceId, r.principal.type, r.principal.name])).toEqual([
      [null, "user", "noa"],
      ["A", "app_group", "Readers"],
    ]);
    expect(await canPersonSee(rec.pageA!, app.mia!)).toMatchObject({
      strategy: "audience",
      visible: true,
      decidedBy: { reason: "audience_rule", rule: { spaceId: expect.any(String), principal: { type: "app_group", name: "Readers" } } },
    });
    expect(await canPersonSee(rec.pageB!, app.mia!)).toMatchObject({
      strategy: "audience",
      visible: false,
      decidedBy: { reason: "no_audience_rule", rule: null },
    });
    expect((await canPersonSee(rec.pageB!, app.noa!)).decidedBy).toMatchObject({
      reason: "audience_rule",
      rule: { spaceId: null, principal: { type: "user" } },
    });
    expect((await memberAccessSummary(app.mia!)).audience).toEqual([{ connectorId, connectorName: "Site" }]);
    expect((await memberAccessSummary(app.mia!)).unlinked).toEqual([]);
    expect(await permissionStats(connectorId)).toMatchObject({
      strategy: "audience",
      audience: { rules: 2, spaces: 1, wholeConnector: true, people: 1, groups: 1, itemsWithoutAudience: 0 },
    });
  });

  it("rejects a rule naming an unknown person or group with the rule's field, and changes nothing", async () => {
    await expect(setAccess("audience", [{ spaceId: "A", principalType: "user", principalId: "nobody-here" }])).rejects.toMatchObject({
      code: "VALIDATION",
      detail: [{ loc: ["body", "access", "rules", 0, "principalId"], type: "unknown_user" }],
    });
    expect((await whoCanSee(rec.pageA!)).audience.length).toBe(2);
  });

  it("deleting the group revokes its members' access at once", async () => {
    await setAccess("audience", [group("A")]);
    const doomed = await createGroup({ name: "Temporary" });
    await addGroupMember(doomed.id, app.noa!);
    await setAccess("audience", [group("A"), { spaceId: "B", principalType: "app_group", principalId: doomed.id }]);
    expect(await listed("noa")).toEqual(["pageB"]);
    await deleteGroup(doomed.id);
    expect(await listed("noa")).toEqual([]);
    expect(await db().audienceRule.count({ where: { principalId: doomed.id } })).toBe(0);
  });
});

describe("the changes feed with audience rules", () => {
  const drain = async (cursor?: string) => {
    const changes: FeedChange[] = [];
    for (;;) {
      const page = await readFeed(ZFeedQuery.parse({ cursor, limit: 100 }));
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor };
    }
  };

  it("describes access as the audience, sends a record no rule covers as visible to nobody, and re-sends all on a change of rules", async () => {
    await setAccess("audience", [group("A"), { spaceId: "A", principalType: "user", principalId: app.noa! }]);
    const first = await drain();
    const byKey = new Map(first.changes.map((c) => [c.key, c]));
    const pageA = byKey.get(`${connectorId}/pageA`);
    expect(pageA?.op === "upsert" && pageA.record.access).toEqual({ strategy: "audience", audience: { users: [app.noa], groups: [groupId] } });
    expect(byKey.get(`${connectorId}/commentA`)).toMatchObject({ op: "upsert" });
    expect(byKey.get(`${connectorId}/pageB`)).toMatchObject({ op: "delete", reason: "visible_to_nobody" });

    expect((await drain(first.cursor)).changes).toEqual([]);
    await setAccess("audience", [group(null)]);
    const moved = await drain(first.cursor);
    expect(moved.changes.map((c) => c.key).sort()).toEqual(["commentA", "pageA", "pageB"].map((k) => `${connectorId}/${k}`));
    const pageB = moved.changes.find((c) => c.key === `${connectorId}/pageB`);
    expect(pageB?.op === "upsert" && pageB.record.access).toEqual({ strategy: "audience", audience: { users: [], groups: [groupId] } });

    // Saving the same rules again moves nothing; switching to mirror re-sends with Confluence's layers.
    await setAccess("audience", [group(null)]);
    expect((await drain(moved.cursor)).changes).toEqual([]);
    await setAccess("mirror", [group(null)]);
    const mirrored = await drain(moved.cursor);
    const mirroredB = mirrored.changes.find((c) => c.key === `${connectorId}/pageB`);
    expect(mirroredB?.op === "upsert" && mirroredB.record.access).toEqual({
      strategy: "mirror",
      space: { anonymous: true, licensed: false, users: [], groups: [] },
      layers: [],
    });
    expect(mirrored.changes.find((c) => c.key === `${connectorId}/pageA`)).toMatchObject({ op: "delete", reason: "visible_to_nobody" });

    // Deleting a group a rule names re-sends the records it covered: no rule covers them any more.
    await setAccess("audience", [group(null)]);
    const before = await drain(mirrored.cursor);
    await deleteGroup(groupId);
    const revoked = await drain(before.cursor);
    expect(revoked.changes.map((c) => [c.key, c.op === "delete" && c.reason]).sort()).toEqual(
      ["commentA", "pageA", "pageB"].map((k) => [`${connectorId}/${k}`, "visible_to_nobody"]),
    );
  });

  it("deleting a person removes the rules that name them and re-sends the records they covered", async () => {
    const zed = (await db().user.create({ data: { email: "zed@example.com", name: "zed", passwordHash: "x", role: "member" } })).id;
    await setAccess("audience", [{ spaceId: "B", principalType: "user", principalId: zed }]);
    const { cursor } = await readFeed(ZFeedQuery.parse({ limit: 500 }));
    await deleteUser(app.admin!, zed);
    expect(await db().audienceRule.count({ where: { connectorId, principalType: "user", principalId: zed } })).toBe(0);
    const changes = (await readFeed(ZFeedQuery.parse({ cursor, limit: 500 }))).changes;
    expect(changes.find((c) => c.key === `${connectorId}/pageB`)).toMatchObject({ op: "delete", reason: "visible_to_nobody" });
  });
});
