import { z } from "zod";
import { apiRoute } from "@/lib/http";
import { requestSync, ZSyncStarted } from "@/lib/sync";

const ZSyncRequest = z.object({
  kind: z.enum(["auto", "full", "incremental"], { error: "kind must be auto, full or incremental." }).default("auto"),
});

export const POST = apiRoute({
  access: "admin",
  summary: "Start a sync run (auto, full or incremental)",
  body: ZSyncRequest,
  status: 202,
  response: ZSyncStarted,
  handler: async ({ params, body, actor }) => {
    const started = await requestSync((params as { id: string }).id, {
      kind: body.kind,
      trigger: actor!.method === "api_key" ? "api" : "manual",
    });
    return {
      type: "sync_started",
      run_id: started.run.id,
      kind: started.run.kind,
      current_artifact_count: started.currentArtifactCount,
      integration_item_count: started.integrationItemCount,
    };
  },
});
