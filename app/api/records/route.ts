import { apiRoute } from "@/lib/http";
import { listRecords, ZRecordsQuery } from "@/lib/content";

// Admins only until permissions are mirrored: records are not yet filtered by what Confluence lets a user see.
export const GET = apiRoute({
  access: "admin",
  query: ZRecordsQuery,
  handler: async ({ query }) => listRecords(query),
});
