import { resetUserPassword, ZResetPasswordInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const PUT = apiRoute<typeof ZResetPasswordInput, { id: string }>({
  access: "admin",
  body: ZResetPasswordInput,
  handler: async ({ actor, params, body }) => {
    await resetUserPassword(actor!.user.id, params.id, body.password);
    return new Response(null, { status: 204 });
  },
});
