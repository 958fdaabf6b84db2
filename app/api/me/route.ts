import { apiRoute } from "@/lib/http";

export const GET = apiRoute({
  access: "user",
  handler: async ({ actor }) => ({ user: actor!.user, authenticatedBy: actor!.method }),
});
