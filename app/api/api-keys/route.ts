import { createApiKey, listApiKeys, ZCreateApiKeyInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({
  access: "user",
  handler: async ({ actor }) => ({ apiKeys: await listApiKeys(actor!.user.id) }),
});

export const POST = apiRoute({
  access: "user",
  body: ZCreateApiKeyInput,
  handler: async ({ actor, body }) => Response.json(await createApiKey(actor!.user.id, body.name), { status: 201 }),
});
