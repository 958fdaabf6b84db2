import { apiRoute } from "@/lib/http";
import { getRecord } from "@/lib/content";

export const GET = apiRoute({
  access: "admin",
  handler: async ({ params }) => getRecord((params as { id: string }).id),
});
