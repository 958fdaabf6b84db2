import { readDcSiteInfo } from "../../confluence";
import { advance } from "../advance";
import { commitPage, type ItemFailure } from "../commit-page";
import { UNKNOWN_ID } from "../map-items";
import type { SyncStep } from "../step-context";
import { offsetPage } from "./list-page";
import { mapDcSpace } from "./map";

/**
 * Data Center's spaces (`/rest/api/space`, start/limit; only the chosen keys with "In"), stored
 * like Cloud's, fixing the run's scope. The first page also reads the server's version and time
 * zone again (an upgrade changes the endpoints), kept on the connector for the dashboard.
 */
export const dcSpacesStep: SyncStep = {
  name: "spaces",
  phase: "discovering_spaces",
  async runOnce(ctx) {
    const filter = ctx.config.filters.spaces;
    const first = ctx.checkpoint.cursor === null && ctx.checkpoint.spaceIds.length === 0;
    const site = first ? await readDcSiteInfo(ctx.client) : null;
    if (site && ctx.site.deployment === "datacenter")
      ctx.site = { deployment: "datacenter", version: site.version ?? ctx.site.version, timeZone: site.timeZone ?? ctx.site.timeZone };
    const query = { limit: 500, status: "current", ...(filter?.operator === "in" && filter.keys.length ? { spaceKey: filter.keys } : {}) };
    const page = await offsetPage(ctx, "/rest/api/space", query, ctx.checkpoint.cursor);
    const failures: ItemFailure[] = [];
    const excluded = (key: unknown) => filter?.operator === "not_in" && typeof key === "string" && filter.keys.includes(key);
    const spaces: Extract<ReturnType<typeof mapDcSpace>, { ok: true }>["value"][] = [];
    let scopeUnknown = false;
    for (const raw of page.results) {
      const mapped = mapDcSpace(raw, ctx.siteUrl);
      if (mapped.ok) {
        if (!excluded(mapped.value.key)) spaces.push(mapped.value);
        continue;
      }
      // Data Center lists content by space key: a space without a readable key cannot be walked.
      failures.push({ itemType: "space", confluenceId: mapped.id, reason: mapped.reason });
      if (mapped.id === UNKNOWN_ID || typeof (raw as { key?: unknown } | null)?.key !== "string") scopeUnknown = true;
    }
    const scope = {
      ...ctx.checkpoint,
      spaceIds: [...ctx.checkpoint.spaceIds, ...spaces.map((s) => s.confluenceId)],
      incomplete: scopeUnknown ? [...new Set([...ctx.checkpoint.incomplete, "space"])] : ctx.checkpoint.incomplete,
    };
    await commitPage(ctx, {
      phase: "discovering_spaces",
      failures,
      next: advance(scope, { nextCursor: page.nextCursor, perSpace: false }),
      delta: { space: { discovered: spaces.length, fetched: spaces.length } },
      extra: async (tx) => {
        if (site && ctx.site.deployment === "datacenter") {
          await tx.connector.update({ where: { id: ctx.connectorId }, data: { serverVersion: ctx.site.version, serverTimeZone: ctx.site.timeZone } });
        }
        for (const space of spaces) {
          await tx.confluenceSpace.upsert({
            where: { connectorId_confluenceId: { connectorId: ctx.connectorId, confluenceId: space.confluenceId } },
            create: { connectorId: ctx.connectorId, ...space, lastSeenRunId: ctx.runId },
            update: { ...space, lastSeenRunId: ctx.runId },
          });
        }
      },
    });
  },
};
