import { startOAuthAuthorization } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const POST = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params, actor }) => startOAuthAuthorization(params.id, actor!.user.id),
});
