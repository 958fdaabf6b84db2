import { apiRoute } from "@/lib/http";
import { listRecords, ZRecordsQuery } from "@/lib/content";
import { viewerOf } from "@/lib/permissions";

// Members get only what their linked Confluence account may view; administrators everything.
export const GET = apiRoute({
  access: "user",
  query: ZRecordsQuery,
  handler: async ({ query, actor }) => listRecords(query, viewerOf(actor!.user)),
});
