/**
 * This product's side of `npm run bench:peers`: a full sync with default settings by a real
 * worker process, signed in as the simulator's admin (a personal access token on Data Center,
 * an API token on Cloud), and what it stored, read back from PostgreSQL.
 */
import { startSimulator, type Simulator } from "../simulator";
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
 * Syncs the site once in full with default settings and reports. Data Center: on the Data Center
 * simulator given (the one the peer read), with the admin's personal access token. Cloud: on a
 * Cloud simulator of the same generated site, with the admin's API token.
 */
export async function runOurs(flavor: OursFlavor, site: SiteOptions, dcSim?: Simulator): Promise<OursResult> {
  if (flavor === "datacenter" && !dcSim?.dc) throw new Error("--ours datacenter needs the Data Center simulator the peer read");
  const database = await startBenchDatabase("bench-peers");
  const sim =
    flavor === "datacenter"
      ? dcSim!
      : await startSimulator({ port: 0, seed: site.seed, spaces: site.spaces, pages: site.pages, latencyMs: site.latencyMs, burstPerSecond: 0 });
  setAppEnvironment(database.url, sim);
  // The connector the setup drawer leaves, with default settings.
  const { configuredConnector, dcConnector } = await import("../test/sync-fixtures");
  const connectorId = flavor === "datacenter" ? await dcConnector(sim) : await configuredConnector(sim);
  const worker = await startSyncWorker();
  try {
    await resetSimStats(sim);
    const { run, seconds } = await syncToEnd(connectorId, "full");
    const stats = await readSimStats(sim);
    return { stats, seconds, status: run.status, error: run.error, ...(await storedSummary(connectorId)) };
  } finally {
    await stopSyncWorker(worker);
    await closeApp();
    if (sim !== dcSim) await sim.close();
    await database.stop();
  }
}
