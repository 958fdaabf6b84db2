import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { driveRun, expectedSiteContent, oauthConnector, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

let sim: Simulator;
useSyncTestSite({ seed: 5, spaces: 2, pages: 50 }, (started) => {
  sim = started;
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "sync-client", clientSecret: "sync-secret" });
});
const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);

describe("sync over OAuth", () => {
  it("refreshes the access token when it expires mid-run, and finishes equal to the site", { timeout: 60_000 }, async () => {
    await admin("/oauth/config", "PUT", { tokenTtlSeconds: 1 });
    await admin("/faults", "PUT", { latencyMs: 40 });
    const connectorId = await oauthConnector(sim, { clientId: "sync-client", clientSecret: "sync-secret" });
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    await admin("/faults", "DELETE");
    await admin("/oauth/config", "PUT", { tokenTtlSeconds: 3600 });
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("completed");
    expect(await storedIds(connectorId, "page")).toEqual(expectedSiteContent(sim).pages);
    const stats = await (await fetch(`${sim.url}/__admin/stats`)).json();
    expect(stats.routes["POST /auth/oauth/token"]).toBeGreaterThan(0);
  });

  it("stops cleanly as Needs re-authentication when consent is revoked", { timeout: 60_000 }, async () => {
    const connectorId = await oauthConnector(sim, { clientId: "sync-client", clientSecret: "sync-secret" });
    await admin("/oauth/revoke", "POST", {});
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.status).toBe("failed");
    expect(finished.error).toMatch(/authenticate/i);
    expect((await db().connector.findUniqueOrThrow({ where: { id: connectorId } })).status).toBe("needs_reauth");
  });
});
