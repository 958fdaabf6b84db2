import { connectorSettings, deleteConnector, getConnector, updateConnector, updateConnectorSchema } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

type Params = { id: string };

export const GET = apiRoute<undefined, Params>({
  access: "admin",
  handler: async ({ params }) => ({ connector: await getConnector(params.id) }),
});

export const PATCH = apiRoute({
  access: "admin",
  body: () => updateConnectorSchema(connectorSettings().extraSiteOrigins, connectorSettings().dcOrigins),
  // Configure Records can carry up to 1,000 space keys, page ids and blog post ids.
  maxBodyBytes: 256 * 1024,
  handler: async ({ params, body }) => ({ connector: await updateConnector((params as Params).id, body) }),
});

export const DELETE = apiRoute<undefined, Params>({
  access: "admin",
  handler: async ({ params }) => {
    await deleteConnector(params.id);
    return new Response(null, { status: 204 });
  },
});
