/**
 * `npm run bench:sync [-- --pages 10000 --spaces 10 --latency 50 --flavor cloud|datacenter --edits N]`:
 * a full sync, then an incremental one after editing N pages (1% unless given) and deleting 10, with the sync in
 * a real worker process. Cloud (the default) runs over OAuth, so quota points count; Data Center
 * runs against the Data Center simulator of the same generated site with the admin's personal
 * access token, its rate limit off. Prints wall time, requests per route, quota points, pages
 * per second, the worker's peak RSS, and the ratio of requests made to the minimum the API's
 * paging allows for the same data (bench/sync-minimum.ts).
 */
import { startSimulator, type Simulator } from "../simulator";
import {
  closeApp,
  formatRoutes,
  formatTimeline,
  parseSiteFlags,
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
import { attachmentTextCpuSeconds, measuredConversionRate, networkFloorSeconds } from "./floors";
import { cloudFullMinimum, cloudIncrementalMinimum, dcFullMinimum, dcIncrementalMinimum, explainDcDifference, type RouteMinimum } from "./sync-minimum";

const flags = parseSiteFlags({ pages: "10000", spaces: "10", latency: "50" }, { name: "flavor", default: "cloud" }, { name: "edits" });
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
  const app = { clientId: "bench", clientSecret: "bench-secret" };
  sim.registerApp({ callbackUrl: "http://localhost:3000/api/oauth/callback", ...app });
  const { oauthConnector } = await import("../test/sync-fixtures");
  return oauthConnector(sim, app);
}

/** Data Center with the site admin's personal access token, default settings. */
async function dcBenchConnector(sim: Simulator): Promise<string> {
  const { dcConnector } = await import("../test/sync-fixtures");
  return dcConnector(sim);
}

const worker = await startSyncWorker();
const rssMb = (field: "VmHWM" | "VmRSS") => processRssMb(worker.pid!, field);

async function measure(label: string, kind: "full" | "incremental", minimum: number | RouteMinimum): Promise<SimStats> {
  await resetSimStats(sim);
  const { run: finished, seconds, timeline } = await syncToEnd(connectorId, kind, worker.pid);
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
  console.log("steps over time (from the run's checkpoint; the indexer runs beside the steps after labels), with the worker's peak RSS in each:");
  console.log(formatTimeline(timeline, seconds));
  if (kind === "full") await printFloors(stats, counters as unknown as Record<string, { converted?: number }>, seconds);
  return stats;
}

/** The network and CPU floors for the data this run moved, and the wall time's ratio to the larger (target 1.5 or less). */
async function printFloors(stats: SimStats, counters: Record<string, { converted?: number }>, seconds: number): Promise<void> {
  const network = networkFloorSeconds(stats.routes, flags.latency);
  const rate = await measuredConversionRate();
  const documents = Object.entries(counters)
    .filter(([type]) => type !== "attachment")
    .reduce((sum, [, c]) => sum + (c.converted ?? 0), 0);
  const text = await attachmentTextCpuSeconds(connectorId);
  const cpu = documents / rate + text.seconds;
  console.log(
    `network floor        ${network.seconds.toFixed(1)} s (${network.sequential} requests one after another, ${network.parallel} in waves of ${network.concurrency}, x ${flags.latency} ms)`,
  );
  console.log(
    `CPU floor            ${cpu.toFixed(1)} s (${documents} documents at ${Math.round(rate)} per CPU-second measured now, plus ${text.seconds.toFixed(1)} s of text from ${text.files} files)`,
  );
  console.log(`wall / larger floor  ${(seconds / Math.max(network.seconds, cpu)).toFixed(2)} (target 1.5 or less)`);
}

console.log(`worker RSS when idle  ${rssMb("VmRSS")} MB (Node, tsx, Prisma and pg-boss loaded; the baseline under the peak)`);

if (dataCenter) {
  const minimum = dcFullMinimum(sim);
  const stats = await measure("full sync", "full", minimum);
  console.log(explainDcDifference(sim, "full", stats.routes, minimum));
} else {
  await measure("full sync", "full", cloudFullMinimum(sim.store));
}

// Edit `--edits` pages (1% unless given) and delete 10, then an incremental run.
const liveSpaces = new Set([...sim.store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
const pagesNow = sim.store.contentList.filter((c) => c.type === "page" && c.status === "current" && liveSpaces.has(c.spaceId));
const edits = pagesNow.slice(0, flags.edits ?? Math.ceil(pagesNow.length / 100));
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
