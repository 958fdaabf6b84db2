import { apiRoute } from "@/lib/http";
import { linkAccount, memberAccessSummary, unlinkAccount, ZLinkAccountInput } from "@/lib/permissions";

type Params = { id: string; connectorId: string };

export const PUT = apiRoute<typeof ZLinkAccountInput, Params>({
  access: "admin",
  body: ZLinkAccountInput,
  handler: async ({ params, body }) => {
    await linkAccount(params.id, params.connectorId, body);
    return { access: await memberAccessSummary(params.id) };
  },
});

export const DELETE = apiRoute<undefined, Params>({
  access: "admin",
  handler: async ({ params }) => {
    await unlinkAccount(params.id, params.connectorId);
    return { access: await memberAccessSummary(params.id) };
  },
});
