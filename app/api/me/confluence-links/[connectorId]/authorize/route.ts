import { startAccountLink } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

/** Link my Atlassian account: the consent URL for the signed-in person (any role). */
export const POST = apiRoute<undefined, { connectorId: string }>({
  access: "user",
  handler: async ({ params, actor }) => startAccountLink(params.connectorId, actor!.user.id),
});
