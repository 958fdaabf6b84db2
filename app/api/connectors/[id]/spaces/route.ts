import { listConnectorSpaces } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => ({ spaces: await listConnectorSpaces(params.id) }),
});
