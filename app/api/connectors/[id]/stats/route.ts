import { apiRoute } from "@/lib/http";
import { connectorContentStats } from "@/lib/sync";

export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => connectorContentStats(params.id),
});
