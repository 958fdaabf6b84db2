import { connectorSettings, createConnector, createConnectorSchema, listConnectors } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({ access: "admin", handler: async () => ({ connectors: await listConnectors() }) });

export const POST = apiRoute({
  access: "admin",
  body: () => createConnectorSchema(connectorSettings().extraSiteOrigins, connectorSettings().dcOrigins),
  handler: async ({ body, actor }) => Response.json({ connector: await createConnector(body, actor!.user.id) }, { status: 201 }),
});
