import { deleteGroup, renameGroup, ZGroupInput } from "@/lib/audiences";
import { apiRoute } from "@/lib/http";

type Params = { id: string };

export const PATCH = apiRoute<typeof ZGroupInput, Params>({
  access: "admin",
  summary: "Rename a group of app users; 409 when the name is taken",
  body: ZGroupInput,
  handler: async ({ params, body }) => ({ group: await renameGroup(params.id, body) }),
});

export const DELETE = apiRoute<undefined, Params>({
  access: "admin",
  summary: "Delete a group with its memberships and every audience rule naming it (its members lose that access at once)",
  handler: async ({ params }) => {
    await deleteGroup(params.id);
    return new Response(null, { status: 204 });
  },
});
