import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { addGroupMember, createGroup, type AudienceRule } from "../audiences";
import { listRecords, ZRecordsQuery } from "../content";
import { updateConnector } from "../connectors";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import type { Viewer } from "../permissions";
import { requestSync } from ".";
import { startMembershipRefreshes } from "./schedule";

/**
 * A connector with audience rules against the simulator: a full run reads no Confluence
 * permission (counted by the simulator's request stats), the worker's membership sweep leaves it
 * alone, and members see exactly the spaces their rules give.
 */
let sim: Simulator;
let connectorId: string;
let spaceId: string;
const member: Record<string, Viewer> = {};

// Groups, their members, space permissions and role holders, and read restrictions.
const PERMISSION_ROUTE = /\/group\b|\/permissions$|\/role-assignments$|\/restriction\//;

async function permissionRequests(): Promise<number> {
  const { routes } = (await (await fetch(`${sim.url}/__admin/stats`)).json()) as { routes: Record<string, number> };
  return Object.entries(routes)
    .filter(([route]) => PERMISSION_ROUTE.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function sync(kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
}

const visibleSpaces = async (viewer: Viewer) => {
  const { records } = await listRecords(ZRecordsQuery.parse({ pageSize: "100" }), viewer);
  const rows = await db().contentItem.findMany({ where: { id: { in: records.map((r) => r.id) } }, select: { spaceConfluenceId: true } });
  return { count: records.length, spaces: [...new Set(rows.map((r) => r.spaceConfluenceId))] };
};

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 21, spaces: 2, pages: 12 });
  await resetDatabase();
  connectorId = await configuredConnector(sim);
  spaceId = String([...sim.store.spaces.values()].find((s) => s.type === "global" && s.status === "current")!.id);
  for (const name of ["mia", "noa"])
    member[name] = { kind: "member", userId: (await db().user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", role: "member" } })).id };
  const readers = await createGroup({ name: "Readers" });
  await addGroupMember(readers.id, (member.mia as { userId: string }).userId);
  await updateConnector(connectorId, { access: { strategy: "audience", rules: [{ spaceId, principalType: "app_group", principalId: readers.id }] } });
  await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
  await sync("full");
}, 180_000);

afterAll(async () => {
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

describe("a connector with audience rules", () => {
  it("reads no Confluence permission in a full run, and stores none", async () => {
    expect(await permissionRequests()).toBe(0);
    expect(await db().syncRun.findFirstOrThrow({ where: { connectorId }, orderBy: { createdAt: "desc" } })).toMatchObject({ status: "completed" });
    expect(await db().readRestriction.count({ where: { connectorId } })).toBe(0);
    expect(await db().spaceReadGrant.count({ where: { connectorId } })).toBe(0);
  });

  it("shows a member in the allowed group that space's records only, and a member in no rule nothing", async () => {
    const all = await visibleSpaces({ kind: "admin" });
    expect(all.spaces.length).toBeGreaterThan(1);
    const mia = await visibleSpaces(member.mia!);
    expect(mia.spaces).toEqual([spaceId]);
    expect(mia.count).toBe(await db().contentItem.count({ where: { connectorId, spaceConfluenceId: spaceId } }));
    expect((await visibleSpaces(member.noa!)).count).toBe(0);
  });

  it("is left out of the membership refresh sweep, which picks it up again once it mirrors", async () => {
    const later = new Date(Date.now() + 3 * 3_600_000);
    expect(await startMembershipRefreshes(later)).toBe(0);
    const rules = await db().audienceRule.findMany({ where: { connectorId }, select: { spaceId: true, principalType: true, principalId: true } });
    await updateConnector(connectorId, { access: { strategy: "mirror", rules: rules as AudienceRule[] } });
    expect(await startMembershipRefreshes(later)).toBe(1);
    await db().syncRun.deleteMany({ where: { connectorId, trigger: "memberships" } });
  });

  it("reads permissions again once switched back to mirror", async () => {
    await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
    await sync("incremental");
    expect(await permissionRequests()).toBeGreaterThan(0);
    expect(await db().spaceReadGrant.count({ where: { connectorId } })).toBeGreaterThan(0);
  });
});
