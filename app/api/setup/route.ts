import { claimFirstAdmin, ZClaimFirstAdminInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

// Public while the install is fresh: JSON only, from our own pages (or a script without an
// Origin), and only with the one-time setup code that `npm start` printed.
export const POST = apiRoute({
  access: "public",
  body: ZClaimFirstAdminInput,
  handler: async ({ body }) => Response.json({ user: await claimFirstAdmin(body) }, { status: 201 }),
});
