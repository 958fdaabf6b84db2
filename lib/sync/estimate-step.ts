import { z } from "zod";
import { db } from "../db";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import type { SyncStep } from "./step-context";

const ZCount = z.object({ totalSize: z.number().int().nonnegative() });

/**
 * Full runs: two CQL count queries (one result each) tell how many pages and blog posts the
 * spaces in scope hold, so the dashboard's progress bars and ETA have a real total.
 */
export const estimateStep: SyncStep = {
  name: "estimate",
  phase: "discovering_spaces",
  async runOnce(ctx) {
    const spaces = await db().confluenceSpace.findMany({
      where: { connectorId: ctx.connectorId, confluenceId: { in: ctx.checkpoint.spaceIds } },
      select: { key: true },
    });
    const expected = { page: 0, blogpost: 0 };
    if (spaces.length) {
      const inScope = spaces.map((s) => `"${s.key.replace(/"/g, '\\"')}"`).join(",");
      for (const type of ["page", "blogpost"] as const) {
        try {
          const result = await ctx.client.getJson("/wiki/rest/api/search", {
            query: { cql: `type = ${type} AND space in (${inScope})`, limit: 1 },
            schema: ZCount,
            retry: { maxRetries: 1 },
          });
          expected[type] = result.totalSize;
        } catch {
          // Only an estimate for the dashboard: without it the bars show activity instead of a share.
        }
      }
    }
    await commitPage(ctx, {
      phase: "discovering_spaces",
      next: nextStep(ctx.checkpoint),
      delta: { page: { expected: expected.page }, blogpost: { expected: expected.blogpost } },
    });
  },
};
