import { apiRoute } from "@/lib/http";
import { searchRecords, ZSearchQuery } from "@/lib/content";

// Admins only until permissions are mirrored (a later issue): results are not filtered per user yet.
export const GET = apiRoute({
  access: "admin",
  query: ZSearchQuery,
  handler: async ({ query }) => searchRecords(query),
});
