import { apiRoute } from "@/lib/http";
import { permissionStats } from "@/lib/permissions";

/** The permissions mirror's counters for the dashboard. */
export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => ({ permissions: await permissionStats(params.id) }),
});
