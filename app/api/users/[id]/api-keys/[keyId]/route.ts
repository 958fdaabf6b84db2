import { revokeUserApiKeys } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const DELETE = apiRoute<undefined, { id: string; keyId: string }>({
  access: "admin",
  handler: async ({ actor, params }) => {
    await revokeUserApiKeys(actor!.user.id, params.id, params.keyId);
    return new Response(null, { status: 204 });
  },
});
