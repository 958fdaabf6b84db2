import { apiRoute } from "@/lib/http";
import { feedPrincipals, ZPrincipalsQuery } from "@/lib/feed";

export const GET = apiRoute({
  access: "admin",
  summary: "A connector's Confluence people and groups with their members, for feed consumers that enforce access",
  query: ZPrincipalsQuery,
  handler: async ({ query }) => feedPrincipals(query.connectorId),
});
