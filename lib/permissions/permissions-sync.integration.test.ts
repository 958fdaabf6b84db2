import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { searchRecords, ZSearchQuery } from "../content";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { requestSync } from "../sync";
import type { Viewer } from ".";

/**
 * End to end over HTTP: the simulator holds restricted subtrees, the sync mirrors its people,
 * groups, grants and restrictions, and two members linked (by email) to different Confluence
 * accounts search the same word and get different results.
 */
let sim: Simulator;
let connectorId: string;
const page: Record<string, string> = {};
const member: Record<string, Viewer> = {};
let secretGroup: string;
let amyAccount: string;

const json = async (r: Response) => (await r.json()) as Record<string, unknown>;

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 12, spaces: 2, pages: 15 });
  await resetDatabase();
  const space = [...sim.store.spaces.values()].find((s) => s.type === "global" && s.key !== "" && s.permissions.some((p) => p.principalType === "group"))!;
  amyAccount = String(
    (await json(await simAdmin(sim, "/users", "POST", { email: "amy@example.com", displayName: "Amy", apiToken: "amy-t", groups: ["confluence-users"] })))
      .accountId,
  );
  const ben = String(
    (await json(await simAdmin(sim, "/users", "POST", { email: "ben@example.com", displayName: "Ben", apiToken: "ben-t", groups: ["confluence-users"] })))
      .accountId,
  );
  secretGroup = String((await json(await simAdmin(sim, "/groups", "POST", { name: "secret-team" }))).id);
  await simAdmin(sim, `/groups/${secretGroup}/members`, "POST", { accountId: amyAccount });
  const add = async (key: string, title: string, parentId?: string) => {
    page[key] = String(
      (await json(await simAdmin(sim, "/pages", "POST", { spaceKey: space.key, title, parentId, body: `<p>The florbnax ${key} notes.</p>` }))).id,
    );
  };
  await add("open", "Quokka open");
  await add("secret", "Quokka secret plans");
  await add("child", "Quokka child", page.secret);
  await add("many", "Quokka many readers");
  await add("hidden", "Quokka unreadable");
  await simAdmin(sim, `/pages/${page.child}/comments`, "POST", { body: "<p>florbnax comment below the secret</p>" });
  await simAdmin(sim, `/pages/${page.secret}/restrictions`, "PUT", { users: [], groups: [secretGroup] });
  // Ben is the 131st subject: he is only found when the sync pages the subject list to the end.
  const bulk: string[] = [];
  for (let i = 0; i < 130; i++)
    bulk.push(String((await json(await simAdmin(sim, "/users", "POST", { email: `reader${i}@example.com`, apiToken: `r${i}` }))).accountId));
  await simAdmin(sim, `/pages/${page.many}/restrictions`, "PUT", { users: [...bulk, ben], groups: [] });
  await simAdmin(sim, "/faults/restrictions", "PUT", { [page.hidden!]: 404 });
  connectorId = await configuredConnector(sim);
  for (const name of ["amy", "ben"])
    member[name] = { kind: "member", userId: (await db().user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "member" } })).id };
  await sync("full");
}, 180_000);

afterAll(async () => {
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

async function sync(kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
}

const titles = async (viewer: Viewer) => (await searchRecords(ZSearchQuery.parse({ q: "florbnax", pageSize: "50" }), viewer)).hits.map((h) => h.title).sort();

describe("members search what their Confluence account may see", () => {
  it("two members linked to different accounts get different results for the same words", async () => {
    expect(await titles(member.amy!)).toEqual(["Comment on Quokka child", "Quokka child", "Quokka open", "Quokka secret plans"]);
    expect(await titles(member.ben!)).toEqual(["Quokka many readers", "Quokka open"]);
  });

  it("a page whose restriction cannot be read is shown to administrators only, and the run goes on", async () => {
    expect(await titles({ kind: "admin" })).toContain("Quokka unreadable");
    for (const m of [member.amy!, member.ben!]) expect(await titles(m)).not.toContain("Quokka unreadable");
    const row = await db().readRestriction.findUniqueOrThrow({ where: { connectorId_nodeId: { connectorId, nodeId: page.hidden! } } });
    expect(row.state).toBe("nobody");
  });

  it("mirrors groups by id with members, and keeps hidden emails unguessed", async () => {
    expect(await db().confluenceGroupMember.findMany({ where: { connectorId, groupId: secretGroup }, select: { accountId: true } })).toEqual([
      { accountId: amyAccount },
    ]);
    const hidden = [...sim.store.users.values()].find((u) => !u.emailVisible && !u.isAdmin && sim.store.groupsOf(u.accountId).length > 0)!;
    const stored = await db().confluenceUser.findUniqueOrThrow({ where: { connectorId_accountId: { connectorId, accountId: hidden.accountId } } });
    expect(stored.email).toBeNull();
    expect(stored.displayName).toBe(hidden.displayName);
  });

  it("lifting a restriction and removing a member take effect at the next full run", async () => {
    await simAdmin(sim, `/pages/${page.secret}/restrictions`, "PUT", { users: [], groups: [] });
    await simAdmin(sim, `/groups/${secretGroup}/members/${amyAccount}`, "DELETE");
    await simAdmin(sim, `/pages/${page.open}/restrictions`, "PUT", { users: [], groups: [secretGroup] });
    await sync("full");
    expect(await titles(member.ben!)).toEqual(expect.arrayContaining(["Quokka child", "Quokka secret plans"]));
    expect(await titles(member.amy!)).not.toContain("Quokka open");
  });

  it("a restriction changed on an unchanged page is seen by the next incremental run (the oldest reads are re-read)", async () => {
    expect(await titles(member.amy!)).not.toContain("Quokka open");
    await simAdmin(sim, `/pages/${page.open}/restrictions`, "PUT", { users: [], groups: [] });
    await sync("incremental");
    expect(await titles(member.amy!)).toContain("Quokka open");
  });

  it("an incremental run reads again what could not be read, but not a node gone from the site", async () => {
    const gone = "9007199254740993";
    await db().readRestriction.create({
      data: { connectorId, nodeId: gone, state: "nobody", userIds: [], groupIds: [], reason: "read before the page was deleted", readRunId: "an-earlier-run" },
    });
    const { run } = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
    await driveRun(run.id);
    const read = async (nodeId: string) => db().readRestriction.findUnique({ where: { connectorId_nodeId: { connectorId, nodeId } } });
    // Still unreadable, and read again by this run (the run before left it "nobody").
    expect(await read(page.hidden!)).toMatchObject({ state: "nobody", readRunId: run.id });
    // On no stored item's chain: left for the next full run to drop, not read (and failed) by every incremental one.
    expect(await read(gone)).toMatchObject({ readRunId: "an-earlier-run" });
    expect(await db().syncItemError.count({ where: { runId: run.id, confluenceId: gone } })).toBe(0);
  });
});
