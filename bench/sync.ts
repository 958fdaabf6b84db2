/**
 * `npm run bench:sync [-- --pages 10000 --spaces 10 --latency 50 --flavor cloud|datacenter]`: a
 * full sync, then an incremental one after editing 1% of pages and deleting 10, with the sync in
 * a real worker process. Cloud (the default) runs over OAuth, so quota points count; Data Center
 * runs against the Data Center simulator of the same generated site with the admin's personal
 * access token, its rate limit off. Prints wall time, requests per route, quota points, pages
 * per second, the worker's peak RSS, and the ratio of requests made to the minimum the API's
 * paging allows for the same data (bench/sync-minimum.ts).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { startSimulator, type Simulator } from "../simulator";
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
  type SimStats,
} from "./harness";
import { cloudFullMinimum, cloudIncrementalMinimum, dcFullMinimum, dcIncrementalMinimum, explainDcDifference, type RouteMinimum } from "./sync-minimum";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "10000" },
    spaces: { type: "string", default: "10" },
    latency: { type: "string", default: "50" },
    seed: { type: "string", default: "42" },
    flavor: { type: "string", default: "cloud" },
  },
});
const parsed = z
  .object({
    pages: z.coerce.number().int().min(10),
    spaces: z.coerce.number().int().min(1),
    latency: z.coerce.number().min(0),
    seed: z.coerce.number().int(),
    flavor: z.enum(["cloud", "datacenter"], { error: "use cloud or datacenter" }),
  })
  .safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const flags = parsed.data;
const dataCenter = flags.flavor === "datacenter";

const database = await startBenchDatabase("bench-sync");
const t0 = performance.now();
const sim = await startSimulator({
  port: 0,
  seed: flags.seed,
  spaces: flags.spaces,
  pages: flags.pages,
  latencyMs: flags.latency,
  quota: { points: 1e12 },
  burstPerSecond: 0,
  ...(dataCenter ? { flavor: "datacenter" as const, datacenter: { rateLimit: { enabled: false } } } : {}),
});
console.log(
  `simulator (${dataCenter ? `Data Center ${sim.dc!.version} at ${sim.dc!.baseUrl}` : "Cloud"}): ${flags.pages} pages in ${flags.spaces} spaces generated in ${Math.round(performance.now() - t0)} ms, ${flags.latency} ms latency per request`,
);

setAppEnvironment(database.url, sim);
const connectorId = dataCenter ? await dcBenchConnector(sim) : await oauthBenchConnector(sim);

/** Cloud over OAuth, as the setup drawer leaves it after Authorize, so the simulator counts quota points. */
async function oauthBenchConnector(sim: Simulator): Promise<string> {
  const { createFirstAdmin } = await import("../lib/auth");
  const { createConnector, createConnectorSchema, DEFAULT_CONNECTOR_CONFIG, updateConnector } = await import("../lib/connectors");
  const { storeTokens } = await import("../lib/connectors/oauth-tokens");
  const { CONFLUENCE_OAUTH_SCOPES } = await import("../lib/confluence");
  const { db } = await import("../lib/db");
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", clientId: "bench", clientSecret: "bench-secret" });
  const user = await createFirstAdmin({ name: "Bench", email: "bench@example.com", password: "benchmark password" });
  const { id } = await createConnector(
    createConnectorSchema([sim.url]).parse({ authMethod: "oauth", name: "Bench", baseUrl: sim.url, clientId: "bench", clientSecret: "bench-secret" }),
    user.id,
  );
  const issued = sim.issueTokens({ scopes: [...CONFLUENCE_OAUTH_SCOPES], clientId: "bench" });
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

/** Data Center with the site admin's personal access token, default settings. */
async function dcBenchConnector(sim: Simulator): Promise<string> {
  const { createFirstAdmin } = await import("../lib/auth");
  const { createConnector, createConnectorSchema, DEFAULT_CONNECTOR_CONFIG, updateConnector } = await import("../lib/connectors");
  const user = await createFirstAdmin({ name: "Bench", email: "bench@example.com", password: "benchmark password" });
  const input = createConnectorSchema([sim.url]).parse({
    deployment: "datacenter",
    authMethod: "personal_access_token",
    name: "Bench",
    baseUrl: sim.dc!.baseUrl,
    token: sim.dc!.admin.pat,
  });
  const { id } = await createConnector(input, user.id);
  await updateConnector(id, { config: DEFAULT_CONNECTOR_CONFIG });
  return id;
}

const worker = await startSyncWorker();
const rssMb = (field: "VmHWM" | "VmRSS") => processRssMb(worker.pid!, field);

async function measure(label: string, kind: "full" | "incremental", minimum: number | RouteMinimum): Promise<SimStats> {
  await resetSimStats(sim);
  const { run: finished, seconds } = await syncToEnd(connectorId, kind);
  const stats = await readSimStats(sim);
  const least = typeof minimum === "number" ? minimum : minimum.total;
  const counters = finished.counters as Record<string, { fetched: number; unchanged: number; deleted: number }>;
  const pages = counters.page!.fetched + counters.page!.unchanged;
  console.log(`\n== ${label}: ${finished.status}${finished.error ? ` (${finished.error})` : ""}`);
  console.log(`wall time            ${seconds.toFixed(1)} s`);
  console.log(`requests             ${stats.totalRequests} (minimum ${least}, ratio ${(stats.totalRequests / least).toFixed(2)})`);
  console.log(`quota points spent   ${stats.pointsSpent}${dataCenter ? " (the simulator's cost units; Data Center has no points quota)" : ""}`);
  console.log(
    `pages per second     ${(pages / seconds).toFixed(1)} (${pages} pages; fetched ${counters.page!.fetched}, unchanged ${counters.page!.unchanged}, deleted ${counters.page!.deleted})`,
  );
  console.log(`worker peak RSS      ${rssMb("VmHWM")} MB`);
  console.log(`requests per route${typeof minimum === "number" ? "" : ", with the minimum for each"}:`);
  console.log(formatRoutes(stats, typeof minimum === "number" ? undefined : minimum.routes));
  return stats;
}

console.log(`worker RSS when idle  ${rssMb("VmRSS")} MB (Node, tsx, Prisma and pg-boss loaded; the baseline under the peak)`);

if (dataCenter) {
  const minimum = dcFullMinimum(sim);
  const stats = await measure("full sync", "full", minimum);
  console.log(explainDcDifference(sim, "full", stats.routes, minimum));
} else {
  await measure("full sync", "full", cloudFullMinimum(sim.store));
}

// Edit 1% of pages and delete 10, then an incremental run.
const liveSpaces = new Set([...sim.store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
const pagesNow = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current" && liveSpaces.has(c.spaceId));
const edits = pagesNow.slice(0, Math.ceil(pagesNow.length / 100));
const admin = (p: string, method: string, body?: unknown) =>
  fetch(`${sim.url}/__admin${p}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
for (const page of edits) await admin(`/pages/${page.id}`, "PUT", { body: `<p>edited ${page.id}</p>` });
for (const page of pagesNow.slice(-10)) await admin(`/pages/${page.id}/trash`, "POST");
const changed = edits.length + 10;
const label = `incremental sync (${edits.length} edited, 10 deleted)`;
if (dataCenter) {
  const minimum = dcIncrementalMinimum(sim, { pages: changed, edited: edits.length });
  const stats = await measure(label, "incremental", minimum);
  console.log(explainDcDifference(sim, "incremental", stats.routes, minimum));
} else {
  const minimum = cloudIncrementalMinimum(liveSpaces.size, changed);
  await measure(label, "incremental", minimum);
  console.log(`\nincremental target: at most 3 + 2 x ${liveSpaces.size} spaces + ceil(${changed}/250) = ${minimum} requests`);
}

await stopSyncWorker(worker);
await closeApp();
await sim.close();
await database.stop();
process.exit(0);
