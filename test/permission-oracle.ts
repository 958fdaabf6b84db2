import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../simulator";
import { resetDatabase } from "./db";
import { fetchItemAs, simAdmin, startSimulatorForApp } from "./simulator";
import { configuredConnector, dcConnector, driveRun } from "./sync-fixtures";
import { mayViewRecord } from "../lib/content/visible-records";
import { db, disconnectDb } from "../lib/db";
import { stopJobSender } from "../lib/jobs";
import { VIEWER_ROLE_ID } from "../simulator/store/roles";
import { requestSync } from "../lib/sync";

/**
 * The simulator as the oracle: random restrictions (user layers, group layers, both, empty
 * lists, on pages and folders) and random space grants (user, group, anonymous, a role given to all licensed users) on a generated
 * site with trees up to depth 6; after one sync, for 600 random (person, item) pairs the app's
 * decision must equal what the simulator answers that person's own credentials (200 or 404).
 * The same site, served as Cloud and as Data Center (where the grants and restrictions are read
 * through Data Center's own endpoints, people keyed by user key, groups by name), gets the same test.
 */
const PAIRS = 600;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

export function permissionOracleSuite(flavor: "cloud" | "datacenter"): void {
  describe(flavor, () => {
    let sim: Simulator;
    let connectorId: string;
    let licensedSpaces = 0;
    /** Data Center accounts of the store's people: user key, username and password. */
    let accounts = new Map<string, { userKey: string; username: string; password: string }>();

    beforeAll(async () => {
      sim = await startSimulatorForApp({
        seed: 99,
        spaces: 4,
        pages: 160,
        burstPerSecond: 0,
        ...(flavor === "datacenter" ? { flavor, datacenter: { rateLimit: { enabled: false } } } : {}),
      });
      await resetDatabase();
      const r = rng(2026);
      const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
      const users = [...sim.store.users.values()].filter((u) => !u.isAdmin);
      const groups = [...sim.store.groups.values()];
      // Data Center has no folders (a restriction on one would hide pages without being listed there).
      const nodes = sim.store.contentList.filter((c) => c.type !== "blogpost" && (flavor === "cloud" || c.type !== "folder"));
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
        // Cloud's "all licensed users" access class has no Data Center subject (there it is a group such as confluence-users).
        else if (roll < 0.9 && flavor === "cloud") {
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
      if (flavor === "datacenter") {
        const dc = (await (await simAdmin(sim, "/dc", "GET")).json()) as {
          users: { accountId: string; userKey: string; username: string; password: string }[];
        };
        accounts = new Map(dc.users.map((u) => [u.accountId, u]));
      }
      connectorId = flavor === "datacenter" ? await dcConnector(sim) : await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id);
    }, 300_000);

    afterAll(async () => {
      await stopJobSender();
      await sim.close();
      await disconnectDb();
    });

    /** What Confluence answers this person for this item, with their own credentials. */
    async function askConfluence(user: { accountId: string; email: string; apiToken?: string }, item: { type: string; confluenceId: string }) {
      if (flavor === "cloud") return fetchItemAs(sim, user, item);
      const account = accounts.get(user.accountId)!;
      const auth = "Basic " + Buffer.from(`${account.username}:${account.password}`).toString("base64");
      // Data Center answers an archived page by id only when asked for that status.
      return fetch(`${sim.dc!.baseUrl}/rest/api/content/${item.confluenceId}?status=current,archived`, { headers: { authorization: auth } });
    }

    it("decides like Confluence for 600 random (person, item) pairs: no leaks, no wrongful denials", async () => {
      const r = rng(7);
      // Data Center's user lists do not say who is deactivated (CONFCLOUD-69909 on the same gap), so
      // accounts that cannot sign in are left out there: a known gap, in docs/decisions/016.
      const canSignIn = (u: { accountStatus?: string }) => flavor === "cloud" || (u.accountStatus ?? "active") === "active";
      const people = [...sim.store.users.values()].filter((u) => !u.isAdmin && canSignIn(u as { accountStatus?: string }));
      // Every person signs in here; those who hide their email are linked by account id (an explicit link).
      const viewers = [];
      for (const u of people) {
        const user = await db().user.create({
          data: { email: `app.${u.accountId.replace(/\W/g, "")}@example.org`, name: u.displayName, passwordHash: "x", role: "member" },
        });
        // Data Center keys people by user key: the link names the account the way the store does.
        const accountId = flavor === "cloud" ? u.accountId : accounts.get(u.accountId)!.userKey;
        await db().confluenceAccountLink.create({ data: { userId: user.id, connectorId, accountId, method: "admin" } });
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
        const res = await askConfluence(who.user, item);
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
      if (flavor === "cloud") expect(licensedSpaces, "a space is open to all licensed users through a role").toBeGreaterThan(0);
      // Both answers occur often enough for the comparison to mean something.
      expect(allowed).toBeGreaterThan(PAIRS / 10);
      expect(PAIRS - allowed).toBeGreaterThan(PAIRS / 10);
    }, 120_000);
  });
}
