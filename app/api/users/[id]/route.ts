import { deleteUser, updateUser, ZUpdateUserInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const PATCH = apiRoute<typeof ZUpdateUserInput, { id: string }>({
  access: "admin",
  body: ZUpdateUserInput,
  handler: async ({ actor, params, body }) => ({ user: await updateUser(actor!.user.id, params.id, body) }),
});

export const DELETE = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ actor, params }) => {
    await deleteUser(actor!.user.id, params.id);
    return new Response(null, { status: 204 });
  },
});
