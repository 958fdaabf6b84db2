import { createFirstAdmin, ZFirstAdminInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const POST = apiRoute({
  access: "public",
  body: ZFirstAdminInput,
  handler: async ({ body }) => Response.json({ user: await createFirstAdmin(body) }, { status: 201 }),
});
