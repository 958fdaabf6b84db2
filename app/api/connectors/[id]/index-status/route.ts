import { apiRoute } from "@/lib/http";
import { indexOverview } from "@/lib/content";

export const GET = apiRoute({
  access: "admin",
  handler: async ({ params }) => indexOverview((params as { id: string }).id),
});
