import { afterAll, beforeAll, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { mayViewRecord } from "../content/visible-records";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { VIEWER_ROLE_ID } from "../../simulator/store/roles";
import { requestSync } from "../sync";

/**
 * The simulator as the oracle: random restrictions (user layers, group layers, both, empty
 * lists, on pages and folders) and random space grants (user, group, anonymous, a role given to all licensed users) on a generated
 * site with trees up to depth 6; after one sync, for 600 random (person, item) pairs the app's
 * decision must equal what the simulator answers that person's own credentials (200 or 404).
 */
let sim: Simulator;
let connectorId: string;
const PAIRS = 600;
let licensedSpaces = 0;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 99, spaces: 4, pages: 160, burstPerSecond: 0 });
  await resetDatabase();
  const r = rng(2026);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const users = [...sim.store.users.values()].filter((u) => !u.isAdmin);
  const groups = [...sim.store.groups.values()];
  const nodes = sim.store.contentList.filter((c) => c.type !== "blogpost");
  for (let i = 0; i < 40; i++) {
    const node = pick(nodes);
    const kind = Math.floor(r() * 4);
    const us = kind === 0 || kind === 2 ? [pick(users).accountId, pick(users).accountId] : [];
    const gs = kind === 1 || kind === 2 ? [pick(groups).id] : [];
    await simAdmin(sim, `/${node.type === "folder" ? "folders" : "pages"}/${node.id}/restrictions`, "PUT", { users: us, groups: gs });
  }
  for (const space of sim.store.spaces.values()) {
    const roll = r();
    if (roll < 0.3)
      await simAdmin(sim, `/spaces/${space.id}/permissions`, "POST", {
        principalType: "user",
        principalId: pick(users).accountId,
        operations: [{ key: "read", targetType: "space" }],
      });
    else if (roll < 0.6)
      await simAdmin(sim, `/spaces/${space.id}/permissions`, "POST", {
        principalType: "group",
        principalId: pick(groups).id,
        operations: [{ key: "read", targetType: "space" }],
      });
    else if (roll < 0.7)
      await simAdmin(sim, `/spaces/${space.id}/permissions`, "POST", { principalType: "anonymous", operations: [{ key: "read", targetType: "space" }] });
    else if (roll < 0.9) {
      // A space role given to an access class is the only way in: every licensed account may view it.
      for (const p of [...space.permissions]) await simAdmin(sim, `/spaces/${space.id}/permissions?permissionId=${encodeURIComponent(p.id)}`, "DELETE");
      space.roleAssignments = [];
      await simAdmin(sim, `/spaces/${space.id}/permissions`, "POST", {
        principalType: "role",
        principalId: VIEWER_ROLE_ID,
        operations: [{ key: "read", targetType: "space" }],
      });
      await simAdmin(sim, `/spaces/${space.id}/role-assignments`, "POST", {
        principalType: "access_class",
        principalId: "all-licensed-users",
        roleId: VIEWER_ROLE_ID,
      });
      licensedSpaces++;
    }
  }
  connectorId = await configuredConnector(sim);
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  await driveRun(run.id);
}, 300_000);

afterAll(async () => {
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

const PATH: Record<string, string> = {
  page: "pages",
  blogpost: "blogposts",
  folder: "folders",
  footer_comment: "footer-comments",
  inline_comment: "inline-comments",
  attachment: "attachments",
};

it("decides like Confluence for 600 random (person, item) pairs: no leaks, no wrongful denials", async () => {
  const r = rng(7);
  const people = [...sim.store.users.values()].filter((u) => !u.isAdmin);
  // Every person signs in here; those who hide their email are linked by account id (an explicit link).
  const viewers = [];
  for (const u of people) {
    const user = await db().user.create({
      data: { email: `app.${u.accountId.replace(/\W/g, "")}@example.org`, name: u.displayName, passwordHash: "x", role: "member" },
    });
    await db().confluenceAccountLink.create({ data: { userId: user.id, connectorId, accountId: u.accountId, method: "admin" } });
    viewers.push({ user: u, viewerId: user.id });
  }
  const items = await db().contentItem.findMany({ where: { connectorId }, select: { id: true, confluenceId: true, type: true } });
  let leaks = 0;
  let denials = 0;
  let allowed = 0;
  const wrong: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const who = viewers[Math.floor(r() * viewers.length)]!;
    const item = items[Math.floor(r() * items.length)]!;
    const auth = "Basic " + Buffer.from(`${who.user.email}:${who.user.apiToken}`).toString("base64");
    const res = await fetch(`${sim.url}/wiki/api/v2/${PATH[item.type]}/${item.confluenceId}`, { headers: { authorization: auth } });
    await res.arrayBuffer();
    const oracle = res.status === 200;
    const app = await mayViewRecord(item.id, { kind: "member", userId: who.viewerId });
    if (oracle) allowed++;
    if (app && !oracle) leaks++;
    if (!app && oracle) denials++;
    if (app !== oracle) wrong.push(`${who.user.displayName} ${item.type} ${item.confluenceId}: app ${app}, Confluence ${res.status}`);
  }
  console.log(`permission oracle: ${PAIRS} pairs (${allowed} visible in Confluence), ${leaks} leaks, ${denials} wrongful denials`);
  expect(wrong).toEqual([]);
  expect(licensedSpaces, "a space is open to all licensed users through a role").toBeGreaterThan(0);
  // Both answers occur often enough for the comparison to mean something.
  expect(allowed).toBeGreaterThan(PAIRS / 10);
  expect(PAIRS - allowed).toBeGreaterThan(PAIRS / 10);
}, 120_000);
