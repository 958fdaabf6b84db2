import { apiRoute } from "@/lib/http";
import { searchRecords, ZSearchQuery } from "@/lib/content";
import { viewerOf } from "@/lib/permissions";

// Members get only what their linked Confluence account may view; administrators everything.
export const GET = apiRoute({
  access: "user",
  query: ZSearchQuery,
  handler: async ({ query, actor }) => searchRecords(query, viewerOf(actor!.user)),
});
