import { parseStoredConfig } from "../connectors";
import { db } from "../db";
import { logger } from "../logger";
import { prepareIndexBatch } from "./prepare-batch";
import { writeIndexBatch } from "./write-batch";

/**
 * Indexes a connector's pending items outside a sync run (Rebuild index, Manual indexing
 * selections): bounded by a time budget, like sync slices, so the job re-enqueues itself.
 */
export async function runIndexSlice(connectorId: string, options: { budgetMs?: number } = {}): Promise<"continue" | "done"> {
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const connector = await db().connector.findUnique({ where: { id: connectorId }, select: { siteUrl: true, deployment: true, config: true } });
  const config = connector && parseStoredConfig(connector.config);
  if (!connector || !config) return "done";
  for (;;) {
    const { items, more } = await prepareIndexBatch({
      connectorId,
      siteUrl: connector.siteUrl,
      wikiUrl: connector.deployment === "datacenter" ? connector.siteUrl : undefined,
      config,
    });
    const tally = await db().$transaction((tx) => writeIndexBatch(tx, connectorId, items), { timeout: 60_000, maxWait: 30_000 });
    if (tally.size === 0 && items.length > 0) logger.warn({ connectorId }, "index batch changed underneath; retrying");
    if (!more) return "done";
    if (Date.now() > deadline) return "continue";
  }
}
