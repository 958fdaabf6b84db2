import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { fetchItemAs, simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector } from "../../test/sync-fixtures";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { requestSync, runSyncSlice } from "../sync";
import { viewerCte, visibleTo, type Viewer } from ".";

/**
 * Documents are indexed beside the walk, long before the run reads permissions. Whatever a
 * member is shown at any checkpoint of a run (the predicate All Records and search share) must
 * be something Confluence shows them: unread restrictions and grants mean "nobody", never "all".
 */
let sim: Simulator;
let connectorId: string;
const viewers: { email: string; apiToken: string; viewer: Viewer; name: string }[] = [];
const restricted: number[] = [];
const confluenceAnswers = new Map<string, boolean>();

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 41, spaces: 3, pages: 60, burstPerSecond: 0 });
  await resetDatabase();
  // A group with no members: what it alone may read, no member may.
  const vault = String(((await (await simAdmin(sim, "/groups", "POST", { name: "vault" })).json()) as { id: string }).id);
  const pages = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");
  for (const page of pages.filter((_, i) => i % 7 === 0)) {
    await simAdmin(sim, `/pages/${page.id}/restrictions`, "PUT", { users: [], groups: [vault] });
    restricted.push(page.id);
  }
  connectorId = await configuredConnector(sim);
  for (const u of [...sim.store.users.values()].filter((u) => !u.isAdmin && u.apiToken).slice(0, 4)) {
    const user = await db().user.create({
      data: { email: `mid.${u.accountId.replace(/\W/g, "")}@example.org`, name: u.displayName, passwordHash: "x", role: "member" },
    });
    await db().confluenceAccountLink.create({ data: { userId: user.id, connectorId, accountId: u.accountId, method: "admin" } });
    viewers.push({ email: u.email, apiToken: u.apiToken!, viewer: { kind: "member", userId: user.id }, name: u.displayName });
  }
}, 120_000);

afterAll(async () => {
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

/** Whether Confluence shows this person the item, asked with their own credentials (the site does not change while asked). */
async function confluenceShows(who: (typeof viewers)[number], item: { type: string; confluenceId: string }): Promise<boolean> {
  const key = `${who.email} ${item.type} ${item.confluenceId}`;
  const known = confluenceAnswers.get(key);
  if (known !== undefined) return known;
  const res = await fetchItemAs(sim, who, item);
  await res.arrayBuffer();
  confluenceAnswers.set(key, res.status === 200);
  return res.status === 200;
}

/** Items a member is shown now that Confluence refuses them; and how many they are shown. */
async function leaksNow(): Promise<{ leaks: string[]; shown: number }> {
  const leaks: string[] = [];
  let shown = 0;
  for (const who of viewers) {
    const rows = await db().$queryRaw<{ type: string; confluenceId: string }[]>`
      WITH ${viewerCte(who.viewer)}
      SELECT i.type, i.confluence_id AS "confluenceId" FROM content_items i WHERE i.connector_id = ${connectorId} AND ${visibleTo(who.viewer, "i")}`;
    shown += rows.length;
    for (const row of rows) if (!(await confluenceShows(who, row))) leaks.push(`${who.name} is shown ${row.type} ${row.confluenceId}`);
  }
  return { leaks, shown };
}

/**
 * Drives a run one unit per slice, checking what members are shown after every one: nothing
 * Confluence refuses them, beyond what the store showed before the run began (a site changed
 * since the last run is stale until this one reaches the change), and nothing at all at the end.
 */
async function runCheckingEachSlice(kind: "full" | "incremental"): Promise<number> {
  const stale = new Set((await leaksNow()).leaks);
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  for (let slice = 1; slice <= 400; slice++) {
    const outcome = await runSyncSlice(run.id, { budgetMs: 0, clientTuning: { retryBaseMs: 20, maxRetryAfterMs: 2000 } });
    const { leaks } = await leaksNow();
    expect(
      leaks.filter((l) => !stale.has(l)),
      `after slice ${slice} of the ${kind} run`,
    ).toEqual([]);
    if (outcome === "done") {
      expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
      expect(leaks, `at the end of the ${kind} run`).toEqual([]);
      return slice;
    }
  }
  throw new Error(`the ${kind} run did not finish`);
}

describe("members during a run", () => {
  it("are shown nothing Confluence refuses them at any checkpoint of a full run and of the incremental one after changes", async () => {
    expect(await runCheckingEachSlice("full"), "enough checkpoints to mean something").toBeGreaterThan(10);
    const { shown } = await leaksNow();
    expect(shown, "members see content once the run has read permissions").toBeGreaterThan(0);

    // A new page below a restricted one, and an open page moved below one: both must stay closed throughout.
    const under = restricted[0]!;
    const spaceId = String(sim.store.contents.get(under)!.spaceId);
    await simAdmin(sim, "/pages", "POST", { spaceId, parentId: String(under), title: "Vault child", body: "<p>behind the vault</p>" });
    const open = sim.store.contentList.find(
      (c) => c.type === "page" && c.status === "current" && !restricted.includes(c.id) && !sim.store.ancestors(c).some((a) => restricted.includes(a.id)),
    )!;
    expect((await simAdmin(sim, `/pages/${open.id}/move`, "POST", { parentId: String(under) })).ok).toBe(true);
    confluenceAnswers.clear();
    expect((await leaksNow()).leaks.length, "the moved page is stale, shown until the run reaches it").toBeGreaterThan(0);
    await runCheckingEachSlice("incremental");
  });
});
