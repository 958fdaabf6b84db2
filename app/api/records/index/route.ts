import { apiRoute } from "@/lib/http";
import { indexSelectedRecords, ZIndexSelection } from "@/lib/content";

/** Manual indexing: index the selected records now. */
export const POST = apiRoute({
  access: "admin",
  body: ZIndexSelection,
  handler: async ({ body }) => Response.json(await indexSelectedRecords(body.ids), { status: 202 }),
});
