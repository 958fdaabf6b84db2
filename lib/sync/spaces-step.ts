import { advance } from "./advance";
import { commitPage, type ItemFailure } from "./commit-page";
import { fetchOnePage } from "./fetch-one-page";
import { mapSpace, UNKNOWN_ID } from "./map-items";
import type { SyncStep } from "./step-context";

/**
 * Lists the site's spaces (only the chosen keys when the filter is "In"), stores them, and
 * fixes the run's space scope in the checkpoint so a resumed run walks the same spaces.
 */
export const spacesStep: SyncStep = {
  name: "spaces",
  phase: "discovering_spaces",
  async runOnce(ctx) {
    const filter = ctx.config.filters.spaces;
    const query = { limit: 250, status: "current", ...(filter?.operator === "in" && filter.keys.length ? { keys: filter.keys } : {}) };
    const page = await fetchOnePage(ctx.client, "/wiki/api/v2/spaces", query, ctx.checkpoint.cursor);
    const failures: ItemFailure[] = [];
    const spaces: { confluenceId: string; key: string; name: string; type: string; status: string; webUrl: string | null }[] = [];
    const excluded = (key: unknown) => filter?.operator === "not_in" && typeof key === "string" && filter.keys.includes(key);
    // A space that failed to parse but has an id is still walked (listing by space-id needs
    // nothing else), so its content is fetched and kept; without an id the scope is unknown.
    const unparsedInScope: string[] = [];
    let scopeUnknown = false;
    for (const raw of page.results) {
      const mapped = mapSpace(raw, ctx.siteUrl);
      if (!mapped.ok) {
        failures.push({ itemType: "space", confluenceId: mapped.id, reason: mapped.reason });
        const key = (raw as { key?: unknown } | null)?.key;
        if (filter?.operator === "not_in" && typeof key !== "string") scopeUnknown = true;
        else if (mapped.id !== UNKNOWN_ID && !excluded(key)) unparsedInScope.push(mapped.id);
      } else if (!excluded(mapped.value.key)) spaces.push(mapped.value);
    }
    const scope = {
      ...ctx.checkpoint,
      spaceIds: [...ctx.checkpoint.spaceIds, ...spaces.map((s) => s.confluenceId), ...unparsedInScope],
      incomplete: scopeUnknown ? [...new Set([...ctx.checkpoint.incomplete, "space"])] : ctx.checkpoint.incomplete,
    };
    await commitPage(ctx, {
      phase: "discovering_spaces",
      failures,
      next: advance(scope, { nextCursor: page.nextCursor, perSpace: false }),
      delta: { space: { discovered: spaces.length, fetched: spaces.length } },
      extra: async (tx) => {
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
