import { createOAuthApp, listOAuthApps, ZOAuthAppInput } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({ access: "admin", handler: async () => ({ oauthApps: await listOAuthApps() }) });

export const POST = apiRoute({
  access: "admin",
  body: ZOAuthAppInput,
  handler: async ({ body }) => Response.json({ oauthApp: await createOAuthApp(body) }, { status: 201 }),
});
