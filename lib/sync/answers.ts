import { z } from "zod";

/** What `POST /api/connectors/{id}/sync` answers (202): the run started, with the store's and the site's counts. */
export const ZSyncStarted = z.strictObject({
  type: z.literal("sync_started"),
  run_id: z.string(),
  kind: z.enum(["full", "incremental"]),
  current_artifact_count: z.number().int().describe("Records stored for the connector when the run started"),
  integration_item_count: z.number().int().describe("Pages and blog posts stored for the connector when the run started"),
});
