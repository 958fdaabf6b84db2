import { db } from "../db";
import { AppError } from "../errors";
import { toRunView, type RunView } from "./run-view";

export async function listRuns(connectorId: string, limit = 20): Promise<RunView[]> {
  const connector = await db().connector.findUnique({ where: { id: connectorId }, select: { id: true } });
  if (!connector) throw new AppError("NOT_FOUND", "No connector with that id.");
  const runs = await db().syncRun.findMany({ where: { connectorId }, orderBy: { createdAt: "desc" }, take: Math.min(Math.max(limit, 1), 100) });
  return runs.map((r) => toRunView(r));
}

export async function getRun(connectorId: string, runId: string) {
  const run = await db().syncRun.findFirst({ where: { id: runId, connectorId } });
  if (!run) throw new AppError("NOT_FOUND", "No sync run with that id for this connector.");
  const errors = await db().syncItemError.findMany({
    where: { runId },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { itemType: true, confluenceId: true, reason: true, createdAt: true },
  });
  return { run: toRunView(run), errors: errors.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
}

/** What is stored for a connector, by type and by space, for the dashboard. */
export async function connectorContentStats(connectorId: string) {
  const [byType, bySpace, spaces] = await Promise.all([
    db().contentItem.groupBy({ by: ["type"], where: { connectorId }, _count: { _all: true } }),
    db().contentItem.groupBy({ by: ["spaceConfluenceId", "type"], where: { connectorId }, _count: { _all: true } }),
    db().confluenceSpace.findMany({ where: { connectorId }, select: { confluenceId: true, key: true, name: true } }),
  ]);
  const spaceInfo = new Map(spaces.map((s) => [s.confluenceId, s]));
  const rows = new Map<string, { spaceKey: string; name: string; counts: Record<string, number> }>();
  for (const row of bySpace) {
    const id = row.spaceConfluenceId ?? "none";
    const info = spaceInfo.get(id);
    const entry = rows.get(id) ?? { spaceKey: info?.key ?? "—", name: info?.name ?? "Unknown space", counts: {} };
    entry.counts[row.type] = row._count._all;
    rows.set(id, entry);
  }
  return {
    spaces: spaces.length,
    byType: Object.fromEntries(byType.map((r) => [r.type, r._count._all])) as Record<string, number>,
    bySpace: [...rows.values()].sort((a, b) => a.spaceKey.localeCompare(b.spaceKey)),
  };
}
