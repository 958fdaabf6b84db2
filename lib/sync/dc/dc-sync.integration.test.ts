import { gunzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import { expectStoreEqualsSite as storeEqualsSite } from "../../../test/store-equals-site";
import type { Simulator } from "../../../simulator";
import { simAdmin, useSyncTestSite } from "../../../test/simulator";
import { dcConnector, driveRun } from "../../../test/sync-fixtures";
import { db } from "../../db";
import { listConnectorSpaces, updateConnector } from "../../connectors";
import { requestSync } from "..";

let sim: Simulator;
useSyncTestSite({ seed: 11, spaces: 3, pages: 60, flavor: "datacenter", datacenter: { rateLimit: { enabled: false } } }, (started) => (sim = started));

const expectStoreEqualsSite = (connectorId: string) => storeEqualsSite(sim, connectorId);

describe("Data Center full sync", () => {
  it("stores exactly the site's pages, blog posts, comments and attachments, with bodies, chains, labels and files", async () => {
    const connectorId = await dcConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("completed");
    await expectStoreEqualsSite(connectorId);

    const deep = sim.store.contentList.find(
      (c) => c.type === "page" && c.status === "current" && sim.store.ancestors(c).filter((a) => a.type !== "folder").length >= 2,
    )!;
    const stored = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(deep.id) } });
    const chain = sim.store
      .ancestors(deep)
      .filter((a) => a.type !== "folder")
      .map((a) => String(a.id));
    expect(stored.ancestorIds).toEqual(chain);
    expect(stored.webUrl).toContain(sim.dc!.baseUrl);
    expect(gunzipSync(stored.bodyStorageGz!).toString()).toContain("<");
    const labelled = sim.store.contentList.find((c) => c.type === "page" && c.status === "current" && c.labels.length > 0);
    if (labelled) {
      const row = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(labelled.id) } });
      const names = labelled.labels.map((id) => sim.store.labels.get(id)!.name).sort();
      expect([...row.labels].sort()).toEqual(names);
    }
    expect(await db().contentItem.count({ where: { connectorId, type: "attachment", fileSetId: null } })).toBe(0);
    const connector = await db().connector.findUniqueOrThrow({ where: { id: connectorId } });
    expect(connector.serverVersion).toBe(sim.dc!.version);
    expect(connector.serverTimeZone).toBe(sim.dc!.timeZone);
  });

  it("walks a server without /content/scan (7.13) by start/limit, taking the next start from what came back", async () => {
    await simAdmin(sim, "/dc/config", "PUT", { version: "7.13" });
    try {
      const connectorId = await dcConnector(sim, { password: true });
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await simAdmin(sim, "/stats/reset", "POST");
      await driveRun(run.id);
      await expectStoreEqualsSite(connectorId);
      const stats = (await (await simAdmin(sim, "/stats", "GET")).json()) as { routes: Record<string, number> };
      expect(Object.keys(stats.routes).some((r) => r.includes("/content/scan"))).toBe(false);
      expect(stats.routes["GET /confluence/rest/api/content"]).toBeGreaterThan(0);
    } finally {
      await simAdmin(sim, "/dc/config", "PUT", { version: "9.2.0" });
    }
  });
});

describe("Data Center rate limiting", () => {
  it("paces itself through the per-user token bucket's 429s (Retry-After) and ends equal to the site", { timeout: 120_000 }, async () => {
    await simAdmin(sim, "/dc/config", "PUT", { rateLimit: { enabled: true, fillRate: 40, intervalSeconds: 1, maxRequests: 10 } });
    onTestFinished(() => simAdmin(sim, "/dc/config", "PUT", { rateLimit: { enabled: false } }).then(() => undefined));
    const connectorId = await dcConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id, { clientTuning: { retryBaseMs: 20, maxRetryAfterMs: 2000, maxRateLimitRetries: 20 } });
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed");
    const stats = finished.requestStats as { rateLimited?: number };
    expect(stats.rateLimited ?? 0).toBeGreaterThan(0);
    await expectStoreEqualsSite(connectorId);
  });
});

describe("Data Center documents", () => {
  it("name their authors (looked up by user key when no permissions step listed them) and list the site's spaces for Configure Records", async () => {
    const connectorId = await dcConnector(sim);
    await updateConnector(connectorId, { access: { strategy: "audience", rules: [] } });
    const spaces = await listConnectorSpaces(connectorId);
    expect(spaces.map((s) => s.key).sort()).toEqual(
      [...sim.store.spaces.values()]
        .filter((s) => s.status === "current")
        .map((s) => s.key)
        .sort(),
    );
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    expect(await db().readRestriction.count({ where: { connectorId } })).toBe(0);
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const author = sim.store.users.get(page.authorId)!;
    const row = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(page.id) } });
    expect(row.indexStatus).toBe("indexed");
    // The author is named by user key on Data Center, and the name is stored for the document.
    const person = await db().confluenceUser.findFirstOrThrow({ where: { connectorId, accountId: row.authorId! } });
    expect(person.displayName).toBe(author.displayName);
  });
});

describe("Data Center incremental sync", () => {
  it("picks up edits, new pages and new comments by CQL in the server's time zone, with a few requests", async () => {
    // West of UTC: a CQL date written in UTC would lie hours after the edits and miss them.
    await simAdmin(sim, "/dc/config", "PUT", { timeZone: "America/Los_Angeles" });
    onTestFinished(() => simAdmin(sim, "/dc/config", "PUT", { timeZone: "Europe/Berlin" }).then(() => undefined));
    const connectorId = await dcConnector(sim);
    const full = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(full.run.id);
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const space = sim.store.spaces.get(page.spaceId)!;
    await simAdmin(sim, `/pages/${page.id}`, "PUT", { body: "<p>edited on the server</p>", title: "Edited title ✓" });
    const created = (await (
      await simAdmin(sim, "/pages", "POST", { spaceKey: space.key, title: "Brand new", parentId: String(page.id), body: "<p>new</p>" })
    ).json()) as {
      id: number | string;
    };
    await simAdmin(sim, `/pages/${created.id}/comments`, "POST", { body: "<p>first!</p>", kind: "footer" });
    await simAdmin(sim, "/stats/reset", "POST");

    const { run } = await requestSync(connectorId, { kind: "incremental", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed");
    const edited = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(page.id) } });
    expect(edited.title).toBe("Edited title ✓");
    expect(gunzipSync(edited.bodyStorageGz!).toString()).toContain("edited on the server");
    const added = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: String(created.id) } });
    expect(added.ancestorIds.at(-1)).toBe(String(page.id));
    expect(await db().contentItem.count({ where: { connectorId, type: "footer_comment", containerId: String(created.id) } })).toBe(1);
    await expectStoreEqualsSite(connectorId);
    // Spaces, version and zone, then one search per type (3 spaces fit in one batch), plus what permissions need.
    const stats = (await (await simAdmin(sim, "/stats", "GET")).json()) as { routes: Record<string, number> };
    const content = Object.entries(stats.routes).filter(([route]) => !/restriction|group|user|profile|permissions/.test(route));
    expect(content.reduce((n, [, count]) => n + count, 0)).toBeLessThanOrEqual(8);
  });
});

describe("Data Center permissions", () => {
  it("mirrors space grants, restrictions, groups and people with the emails their profiles show", async () => {
    const connectorId = await dcConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("completed");
    const spaces = [...sim.store.spaces.values()].filter((s) => s.status === "current");
    expect(await db().spaceReadGrant.count({ where: { connectorId } })).toBeGreaterThan(0);
    const grantedSpaces = await db().spaceReadGrant.findMany({ where: { connectorId }, distinct: ["spaceId"], select: { spaceId: true } });
    expect(grantedSpaces.length).toBe(spaces.filter((s) => s.permissions.some((p) => p.operation === "read")).length);
    // Groups are keyed by name on Data Center, people by user key, with the email only where visible.
    const groups = await db().confluenceGroup.findMany({ where: { connectorId } });
    expect(groups.map((g) => g.groupId).sort()).toEqual([...sim.store.groups.values()].map((g) => g.name).sort());
    const accounts = (await (await simAdmin(sim, "/dc", "GET")).json()) as { users: { accountId: string; userKey: string; username: string }[] };
    const hidden = [...sim.store.users.values()].find((u) => !u.emailVisible)!;
    const shown = [...sim.store.users.values()].find((u) => u.emailVisible && !u.isAdmin)!;
    const keyOf = (accountId: string) => accounts.users.find((a) => a.accountId === accountId)!.userKey;
    const people = await db().confluenceUser.findMany({ where: { connectorId, accountId: { in: [keyOf(hidden.accountId), keyOf(shown.accountId)] } } });
    expect(people.find((p) => p.accountId === keyOf(hidden.accountId))!.email).toBeNull();
    expect(people.find((p) => p.accountId === keyOf(shown.accountId))).toMatchObject({ email: shown.email, username: expect.any(String) });
  });

  it("with an account that is not an administrator, syncs the content with its restrictions and says why no space grants were read", async () => {
    const connectorId = await dcConnector(sim, { account: "user" });
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed_with_errors");
    expect(finished.error).toMatch(/permission reads? failed/);
    const errors = await db().syncItemError.findMany({ where: { runId: run.id, itemType: "permission" } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.reason).toMatch(/only Confluence administrators may read them/);
    expect(await db().spaceReadGrant.count({ where: { connectorId } })).toBe(0);
    expect(await db().readRestriction.count({ where: { connectorId } })).toBeGreaterThan(0);
    expect(await db().contentItem.count({ where: { connectorId, type: "page" } })).toBeGreaterThan(0);
  });

  it("on 8.9 (no space permissions endpoint) says the version is why", async () => {
    await simAdmin(sim, "/dc/config", "PUT", { version: "8.9" });
    onTestFinished(() => simAdmin(sim, "/dc/config", "PUT", { version: "9.2.0" }).then(() => undefined));
    const connectorId = await dcConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const errors = await db().syncItemError.findMany({ where: { runId: run.id, itemType: "permission" } });
    expect(errors[0]!.reason).toMatch(/Confluence 8\.9\S* has no REST endpoint for space permissions; 9\.1 and later do/);
    await expectStoreEqualsSite(connectorId);
  });
});
