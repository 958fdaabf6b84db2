import { apiRoute } from "@/lib/http";
import { listRuns } from "@/lib/sync";

export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params, request }) => {
    const limit = Number(new URL(request.url).searchParams.get("limit") ?? 20) || 20;
    return { runs: await listRuns(params.id, limit) };
  },
});
