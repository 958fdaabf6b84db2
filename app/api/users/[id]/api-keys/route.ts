import { listApiKeys, revokeUserApiKeys } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => ({ apiKeys: await listApiKeys(params.id) }),
});

export const DELETE = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ actor, params }) => ({ revoked: await revokeUserApiKeys(actor!.user.id, params.id) }),
});
