import { apiRoute } from "@/lib/http";
import { memberAccessSummary } from "@/lib/permissions";

/** Which Confluence account a person searches as on each connector, and how they are linked. */
export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => ({ access: await memberAccessSummary(params.id) }),
});
