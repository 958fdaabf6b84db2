import type { Simulator } from "../simulator";
import { createFirstAdmin } from "../lib/auth";
import { CONFLUENCE_OAUTH_SCOPES } from "../lib/confluence";
import { createConnector, createConnectorSchema, DEFAULT_CONNECTOR_CONFIG, updateConnector, type ConnectorConfig } from "../lib/connectors";
import { storeTokens } from "../lib/connectors/oauth-tokens";
import { db } from "../lib/db";
import { runSyncSlice, type SliceOptions } from "../lib/sync";

/** A configured API-token connector on the simulator, as the setup drawer would leave it. */
export async function configuredConnector(sim: Simulator, config: Partial<ConnectorConfig> = {}) {
  const admin = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
  const input = createConnectorSchema([sim.url]).parse({
    authMethod: "api_token",
    name: "Sim",
    baseUrl: sim.url,
    email: sim.admin.email,
    apiToken: sim.admin.apiToken,
  });
  const connector = await createConnector(input, admin.id);
  await updateConnector(connector.id, { config: { ...DEFAULT_CONNECTOR_CONFIG, ...config } });
  return connector.id;
}

/** A configured OAuth connector with a simulator-issued token the app believes is good for an hour. */
export async function oauthConnector(sim: Simulator, app: { clientId: string; clientSecret: string }) {
  const { clientId, clientSecret } = app;
  const user = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
  const input = createConnectorSchema([sim.url]).parse({ authMethod: "oauth", name: "OAuth", baseUrl: sim.url, clientId, clientSecret });
  const { id } = await createConnector(input, user.id);
  const issued = sim.issueTokens({ scopes: [...CONFLUENCE_OAUTH_SCOPES], clientId });
  await storeTokens(id, {
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token!,
    expiresAt: new Date(Date.now() + 3_600_000),
    scope: issued.scope,
  });
  await db().connector.update({ where: { id }, data: { cloudId: sim.cloudId, status: "authenticated" } });
  await updateConnector(id, { config: DEFAULT_CONNECTOR_CONFIG });
  return id;
}

/** Drives a run to its end by calling slices in turn, as the worker does; returns how many it took. */
export async function driveRun(runId: string, options: SliceOptions = {}, maxSlices = 500): Promise<number> {
  for (let slice = 1; slice <= maxSlices; slice++) {
    const outcome = await runSyncSlice(runId, { clientTuning: { retryBaseMs: 20, maxRetryAfterMs: 2000 }, ...options });
    if (outcome === "done") return slice;
    if (outcome === "retry_later") await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${runId} did not finish in ${maxSlices} slices`);
}

/** What the site holds that a full sync with default settings should store (the admin sees all). */
export function expectedSiteContent(sim: Simulator) {
  const currentSpaces = new Set([...sim.store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
  // The v2 lists return current and archived content by default, as Confluence does.
  const content = sim.store.contentList.filter((c) => (c.status === "current" || c.status === "archived") && currentSpaces.has(c.spaceId));
  const pages = content.filter((c) => c.type === "page").map((c) => String(c.id));
  const blogposts = content.filter((c) => c.type === "blogpost").map((c) => String(c.id));
  const containers = new Set([...pages, ...blogposts]);
  const comments = sim.store.commentList.filter((c) => c.status === "current" && containers.has(String(c.containerId)));
  const attachments = sim.store.attachmentList.filter((a) => a.status === "current" && containers.has(String(a.containerId)));
  return {
    pages: pages.sort(),
    blogposts: blogposts.sort(),
    footerComments: comments
      .filter((c) => c.kind === "footer")
      .map((c) => String(c.id))
      .sort(),
    inlineComments: comments
      .filter((c) => c.kind === "inline")
      .map((c) => String(c.id))
      .sort(),
    attachments: attachments.map((a) => `att${a.id}`).sort(),
  };
}

export async function storedIds(connectorId: string, type: string): Promise<string[]> {
  const rows = await db().contentItem.findMany({ where: { connectorId, type }, select: { confluenceId: true } });
  return rows.map((r) => r.confluenceId).sort();
}

/** A configured Data Center connector on a Data Center simulator, signed in with the admin's personal access token (or password). */
export async function dcConnector(sim: Simulator, options: { config?: Partial<ConnectorConfig>; account?: "admin" | "user"; password?: boolean } = {}) {
  const admin = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
  const account = sim.dc![options.account ?? "admin"];
  const input = createConnectorSchema([sim.url]).parse(
    options.password
      ? { deployment: "datacenter", authMethod: "password", name: "DC", baseUrl: sim.dc!.baseUrl, username: account.username, password: account.password }
      : { deployment: "datacenter", authMethod: "personal_access_token", name: "DC", baseUrl: sim.dc!.baseUrl, token: account.pat },
  );
  const connector = await createConnector(input, admin.id);
  await updateConnector(connector.id, { config: { ...DEFAULT_CONNECTOR_CONFIG, ...options.config } });
  return connector.id;
}
