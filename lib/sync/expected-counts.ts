import { db } from "../db";
import { emptyCounters, ITEM_TYPES, parseCounters, type RunCounters } from "./counters";

/** How many recent runs the estimate averages: enough to smooth one busy day, few enough to follow a trend. */
const RECENT = 3;

/**
 * Starting counters of an incremental run, with `expected` per type set to what the connector's
 * last completed incremental runs went through. Incremental runs have no count query (a search
 * cannot say how many items a newest-first walk will list), and their size is steady from run
 * to run, so this gives the dashboard a total and an ETA without a request. The first
 * incremental run of a connector has no history and no ETA.
 */
export async function countersWithRecentSizes(connectorId: string): Promise<RunCounters> {
  const counters = emptyCounters();
  const recent = await db().syncRun.findMany({
    where: { connectorId, kind: "incremental", status: "completed" },
    orderBy: { createdAt: "desc" },
    take: RECENT,
    select: { counters: true },
  });
  if (recent.length === 0) return counters;
  const past = recent.map((r) => parseCounters(r.counters));
  for (const type of ITEM_TYPES) {
    if (type === "label") continue;
    const done = past.reduce((sum, c) => sum + c[type].fetched + c[type].unchanged + c[type].failed, 0);
    counters[type].expected = Math.round(done / past.length);
  }
  return counters;
}
