import { z } from "zod";
import { apiRoute } from "@/lib/http";
import { decideDeletions } from "@/lib/sync";

const ZDeletionDecision = z.object({ decision: z.enum(["delete", "keep"], { error: 'must be "delete" or "keep"' }) });

/** An administrator's answer to a run that stopped before a large deletion. */
export const POST = apiRoute<typeof ZDeletionDecision, { id: string; runId: string }>({
  access: "admin",
  body: ZDeletionDecision,
  handler: async ({ params, body }) => ({ run: await decideDeletions(params.id, params.runId, body.decision) }),
});
