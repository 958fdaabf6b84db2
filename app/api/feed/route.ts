import { apiRoute } from "@/lib/http";
import { readFeed, ZFeedQuery } from "@/lib/feed";

// Administrators only: the feed carries every record with who may see it, for a consumer that enforces it.
export const GET = apiRoute({
  access: "admin",
  query: ZFeedQuery,
  handler: async ({ query }) => readFeed(query),
});
