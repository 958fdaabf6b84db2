import { apiRoute } from "@/lib/http";
import { cancelRun } from "@/lib/sync";

export const POST = apiRoute<undefined, { id: string; runId: string }>({
  access: "admin",
  handler: async ({ params }) => ({ run: await cancelRun(params.id, params.runId) }),
});
