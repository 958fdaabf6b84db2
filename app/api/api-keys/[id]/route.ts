import { revokeApiKey } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const DELETE = apiRoute<undefined, { id: string }>({
  access: "user",
  handler: async ({ actor, params }) => {
    await revokeApiKey(actor!.user.id, params.id);
    return new Response(null, { status: 204 });
  },
});
