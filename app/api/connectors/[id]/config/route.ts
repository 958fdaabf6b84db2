import { getConnectorConfig, ZConnectorConfigAnswer } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute<undefined, { id: string }>({
  access: "admin",
  summary: "The site URL, authentication method and Configure Records settings (the space filter in config.filters.spaces); no secrets",
  response: ZConnectorConfigAnswer,
  handler: async ({ params }) => getConnectorConfig(params.id),
});
