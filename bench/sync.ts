/**
 * `npm run bench:sync [-- --pages 10000 --spaces 10 --latency 50]`: a full sync, then an
 * incremental one after editing 1% of pages and deleting 10, against the simulator over
 * OAuth (so quota points count), with the sync in a real worker process. Prints wall time,
 * requests per route, quota points, pages per second, the worker's peak RSS, and the ratio
 * of requests made to the minimum the API allows for the same data.
 */
import { parseArgs } from "node:util";
import { startSimulator } from "../simulator";
import {
  closeApp,
  formatRoutes,
  processRssMb,
  readSimStats,
  resetSimStats,
  setAppEnvironment,
  startBenchDatabase,
  startSyncWorker,
  stopSyncWorker,
  syncToEnd,
} from "./harness";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "10000" },
    spaces: { type: "string", default: "10" },
    latency: { type: "string", default: "50" },
    seed: { type: "string", default: "42" },
  },
});
const pageCount = Number(values.pages);
const spaceCount = Number(values.spaces);

const database = await startBenchDatabase("bench-sync");
const t0 = performance.now();
const sim = await startSimulator({
  port: 0,
  seed: Number(values.seed),
  spaces: spaceCount,
  pages: pageCount,
  latencyMs: Number(values.latency),
  quota: { points: 1e12 },
  burstPerSecond: 0,
});
console.log(
  `simulator: ${pageCount} pages in ${spaceCount} spaces generated in ${Math.round(performance.now() - t0)} ms, ${values.latency} ms latency per request`,
);

setAppEnvironment(database.url, sim);
const { createFirstAdmin } = await import("../lib/auth");
const { createConnector, createConnectorSchema, DEFAULT_CONNECTOR_CONFIG, updateConnector } = await import("../lib/connectors");
const { storeTokens } = await import("../lib/connectors/oauth-tokens");
const { CONFLUENCE_OAUTH_SCOPES } = await import("../lib/confluence");
const { db } = await import("../lib/db");

sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "bench", clientSecret: "bench-secret" });
const user = await createFirstAdmin({ name: "Bench", email: "bench@example.com", password: "benchmark password" });
const { id: connectorId } = await createConnector(
  createConnectorSchema([sim.url]).parse({ authMethod: "oauth", name: "Bench", baseUrl: sim.url, clientId: "bench", clientSecret: "bench-secret" }),
  user.id,
);
const issued = sim.issueTokens({ scopes: [...CONFLUENCE_OAUTH_SCOPES], clientId: "bench" });
await storeTokens(connectorId, {
  accessToken: issued.access_token,
  refreshToken: issued.refresh_token!,
  expiresAt: new Date(Date.now() + 3_600_000),
  scope: issued.scope,
});
await db().connector.update({ where: { id: connectorId }, data: { cloudId: sim.cloudId, status: "authenticated" } });
await updateConnector(connectorId, { config: DEFAULT_CONNECTOR_CONFIG });

const worker = await startSyncWorker();
const rssMb = (field: "VmHWM" | "VmRSS") => processRssMb(worker.pid!, field);

async function measure(label: string, kind: "full" | "incremental", minimum: number) {
  await resetSimStats(sim);
  const { run: finished, seconds } = await syncToEnd(connectorId, kind);
  const stats = await readSimStats(sim);
  const counters = finished.counters as Record<string, { fetched: number; unchanged: number; deleted: number }>;
  const pages = counters.page!.fetched + counters.page!.unchanged;
  console.log(`\n== ${label}: ${finished.status}${finished.error ? ` (${finished.error})` : ""}`);
  console.log(`wall time            ${seconds.toFixed(1)} s`);
  console.log(`requests             ${stats.totalRequests} (minimum ${minimum}, ratio ${(stats.totalRequests / minimum).toFixed(2)})`);
  console.log(`quota points spent   ${stats.pointsSpent}`);
  console.log(
    `pages per second     ${(pages / seconds).toFixed(1)} (${pages} pages; fetched ${counters.page!.fetched}, unchanged ${counters.page!.unchanged}, deleted ${counters.page!.deleted})`,
  );
  console.log(`worker peak RSS      ${rssMb("VmHWM")} MB`);
  console.log("requests per route:");
  console.log(formatRoutes(stats));
}

console.log(`worker RSS when idle  ${rssMb("VmRSS")} MB (Node, tsx, Prisma and pg-boss loaded; the baseline under the peak)`);

// The minimum the API allows: one chain of list calls per type at limit 250 with bodies, plus one download per attachment.
const store = sim.store;
const liveSpaces = new Set([...store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
const content = store.contentList.filter((c) => (c.status === "current" || c.status === "archived") && liveSpaces.has(c.spaceId));
const containers = new Set(content.filter((c) => c.type !== "folder").map((c) => c.id));
const count = (n: number) => Math.max(1, Math.ceil(n / 250));
const comments = store.commentList.filter((c) => c.status === "current");
const attachments = store.attachmentList.filter((a) => a.status === "current" && containers.has(a.containerId));
const fullMinimum =
  count(liveSpaces.size) +
  count(content.filter((c) => c.type === "page").length) +
  count(content.filter((c) => c.type === "blogpost").length) +
  count(comments.filter((c) => c.kind === "footer").length) +
  count(comments.filter((c) => c.kind === "inline").length) +
  count(store.attachmentList.filter((a) => a.status === "current").length) +
  attachments.length;
await measure("full sync", "full", fullMinimum);

// Edit 1% of pages and delete 10, then an incremental run.
const pagesNow = content.filter((c) => c.type === "page" && c.status === "current");
const edits = pagesNow.slice(0, Math.ceil(pagesNow.length / 100));
const admin = (p: string, method: string, body?: unknown) =>
  fetch(`${sim.url}/__admin${p}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
for (const page of edits) await admin(`/pages/${page.id}`, "PUT", { body: `<p>edited ${page.id}</p>` });
for (const page of pagesNow.slice(-10)) await admin(`/pages/${page.id}/trash`, "POST");
const changed = edits.length + 10;
await measure(`incremental sync (${edits.length} edited, 10 deleted)`, "incremental", 3 + 2 * liveSpaces.size + Math.ceil(changed / 250));
console.log(
  `\nincremental target: at most 3 + 2 x ${liveSpaces.size} spaces + ceil(${changed}/250) = ${3 + 2 * liveSpaces.size + Math.ceil(changed / 250)} requests`,
);

await stopSyncWorker(worker);
await closeApp();
await sim.close();
await database.stop();
process.exit(0);
