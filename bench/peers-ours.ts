/**
 * This product's side of `npm run bench:peers`: a full sync with default settings by a real
 * worker process, over an API token with the simulator admin's credentials, and what it
 * stored, read back from PostgreSQL.
 */
import { startSimulator } from "../simulator";
import {
  closeApp,
  readSimStats,
  resetSimStats,
  setAppEnvironment,
  startBenchDatabase,
  startSyncWorker,
  stopSyncWorker,
  syncToEnd,
  type SimStats,
} from "./harness";

export type OursFlavor = "cloud" | "datacenter";

export interface SiteOptions {
  seed: number;
  spaces: number;
  pages: number;
  latencyMs: number;
}

export interface OursResult {
  stats: SimStats;
  seconds: number;
  status: string;
  error: string | null;
  pagesWithBodies: Set<string>;
  archivedPages: number;
  blogPostsWithBodies: number;
  footerComments: number;
  inlineComments: number;
  attachments: number;
  attachmentFiles: number;
  attachmentTexts: number;
  itemsWithLabels: number;
  distinctLabels: number;
  spaceGrants: number;
  restrictionsRead: number;
  restrictedNodes: number;
  users: number;
  groups: number;
  memberships: number;
  searchChunks: number;
}

async function storedSummary(connectorId: string) {
  const { db } = await import("../lib/db");
  const where = { connectorId };
  const count = (type: string, extra: object = {}) => db().contentItem.count({ where: { ...where, type, ...extra } });
  const pages = await db().contentItem.findMany({ where: { ...where, type: "page", bodyStorageGz: { not: null } }, select: { confluenceId: true } });
  const [labels] = await db().$queryRaw<{ items: bigint; distinct: bigint }[]>`
    SELECT count(DISTINCT id) AS items, count(DISTINCT l) AS distinct FROM content_items, unnest(labels) AS l WHERE connector_id = ${connectorId}`;
  return {
    pagesWithBodies: new Set(pages.map((p) => p.confluenceId)),
    archivedPages: await count("page", { status: "archived" }),
    blogPostsWithBodies: await count("blogpost", { bodyStorageGz: { not: null } }),
    footerComments: await count("footer_comment"),
    inlineComments: await count("inline_comment"),
    attachments: await count("attachment"),
    attachmentFiles: await count("attachment", { fileSetId: { not: null } }),
    attachmentTexts: await count("attachment", { markdown: { not: null }, NOT: { markdown: "" } }),
    itemsWithLabels: Number(labels?.items ?? 0),
    distinctLabels: Number(labels?.distinct ?? 0),
    spaceGrants: await db().spaceReadGrant.count({ where }),
    restrictionsRead: await db().readRestriction.count({ where }),
    restrictedNodes: await db().readRestriction.count({ where: { ...where, state: "restricted" } }),
    users: await db().confluenceUser.count({ where }),
    groups: await db().confluenceGroup.count({ where }),
    memberships: await db().confluenceGroupMember.count({ where }),
    searchChunks: await db().searchChunk.count({ where }),
  };
}

/**
 * Generates the site, syncs it once in full and reports. The Data Center source is being built
 * on main; until it lands only the Cloud API of the same generated site can be synced.
 */
export async function runOurs(flavor: OursFlavor, site: SiteOptions): Promise<OursResult> {
  if (flavor === "datacenter") throw new Error("--ours datacenter: not available yet (this product's Data Center source has not landed); use --ours cloud");
  const database = await startBenchDatabase("bench-peers");
  const sim = await startSimulator({ port: 0, seed: site.seed, spaces: site.spaces, pages: site.pages, latencyMs: site.latencyMs, burstPerSecond: 0 });
  setAppEnvironment(database.url, sim);
  // The connector the setup drawer leaves: API token with the simulator admin's credentials, default settings.
  const { configuredConnector } = await import("../test/sync-fixtures");
  const connectorId = await configuredConnector(sim);
  const worker = await startSyncWorker();
  try {
    await resetSimStats(sim);
    const { run, seconds } = await syncToEnd(connectorId, "full");
    const stats = await readSimStats(sim);
    return { stats, seconds, status: run.status, error: run.error, ...(await storedSummary(connectorId)) };
  } finally {
    await stopSyncWorker(worker);
    await closeApp();
    await sim.close();
    await database.stop();
  }
}
