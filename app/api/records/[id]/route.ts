import { apiRoute } from "@/lib/http";
import { getRecord } from "@/lib/content";
import { viewerOf } from "@/lib/permissions";

// A record a member may not view is a 404, never a 403 that confirms it exists.
export const GET = apiRoute({
  access: "user",
  handler: async ({ params, actor }) => getRecord((params as { id: string }).id, viewerOf(actor!.user)),
});
