import { apiRoute } from "@/lib/http";
import { findConfluenceUsers, ZConfluenceUserQuery } from "@/lib/permissions";

/** The administrator's picker over synced Confluence users (Settings → Users → Confluence accounts). */
export const GET = apiRoute<undefined, { id: string }, typeof ZConfluenceUserQuery>({
  access: "admin",
  query: ZConfluenceUserQuery,
  handler: async ({ params, query }) => ({ users: await findConfluenceUsers(params.id, query) }),
});
