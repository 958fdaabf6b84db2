import { afterAll, beforeAll, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { DEFAULT_CONNECTOR_CONFIG } from "../connectors/config-schema";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { startMembershipRefreshes } from "./schedule";

/**
 * Memberships go stale when no run reads them: a connector whose last run started longer ago
 * than its membership refresh interval gets a light incremental run, manual connectors too;
 * one that ran recently, one with the refresh off, or one never synced does not.
 */
const HOUR = 3_600_000;
const ids: Record<string, string> = {};

async function connector(name: string, refresh: number, lastRunAgoMs: number | null, strategy: "scheduled" | "manual" = "manual") {
  const c = await db().connector.create({
    data: {
      name,
      siteUrl: `https://${name}.atlassian.net`,
      authMethod: "api_token",
      status: "active",
      configuredAt: new Date(),
      config: { ...DEFAULT_CONNECTOR_CONFIG, sync: { strategy, intervalMinutes: 1440 }, permissions: { membershipRefreshMinutes: refresh } },
      syncState: lastRunAgoMs === null ? {} : { lastCompletedRunStartedAt: new Date(Date.now() - lastRunAgoMs).toISOString() },
    },
  });
  if (lastRunAgoMs !== null)
    await db().syncRun.create({
      data: { connectorId: c.id, kind: "full", trigger: "test", status: "completed", createdAt: new Date(Date.now() - lastRunAgoMs), finishedAt: new Date() },
    });
  ids[name] = c.id;
}

beforeAll(async () => {
  await resetDatabase();
  await connector("stale", 60, 2 * HOUR);
  await connector("recent", 60, 10 * 60_000, "scheduled");
  await connector("off", 0, 5 * HOUR);
  await connector("never", 60, null);
  await connector("weekly", 10_080, 2 * HOUR);
});

afterAll(async () => {
  await stopJobSender();
  await disconnectDb();
});

const runsOf = (name: string) => db().syncRun.findMany({ where: { connectorId: ids[name]!, trigger: "memberships" } });

it("starts one incremental run for each connector whose memberships are older than its interval, and only once", async () => {
  expect(await startMembershipRefreshes()).toBe(1);
  expect(await runsOf("stale")).toEqual([expect.objectContaining({ kind: "incremental", status: "queued" })]);
  for (const name of ["recent", "off", "never", "weekly"]) expect(await runsOf(name), name).toEqual([]);
  // The queued run counts as recent: the next sweep starts nothing.
  expect(await startMembershipRefreshes()).toBe(0);
});
