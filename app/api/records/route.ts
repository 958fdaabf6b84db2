import { apiRoute } from "@/lib/http";
import { listRecords, ZRecordsQuery } from "@/lib/content";
import { viewerFor } from "@/lib/permissions";

// Members get only what their linked Confluence account may view; administrators everything, or what `viewAs` may view.
export const GET = apiRoute({
  access: "user",
  query: ZRecordsQuery,
  handler: async ({ query, actor }) => listRecords(query, await viewerFor(actor!.user, query.viewAs)),
});
