import { apiRoute } from "@/lib/http";
import { getRun } from "@/lib/sync";

export const GET = apiRoute<undefined, { id: string; runId: string }>({
  access: "admin",
  handler: async ({ params }) => getRun(params.id, params.runId),
});
