import { addGroupMember, removeGroupMember } from "@/lib/audiences";
import { apiRoute } from "@/lib/http";

type Params = { id: string; userId: string };

export const PUT = apiRoute<undefined, Params>({
  access: "admin",
  summary: "Add an app user to a group (repeating it is harmless); 422 for an unknown user",
  handler: async ({ params }) => ({ group: await addGroupMember(params.id, params.userId) }),
});

export const DELETE = apiRoute<undefined, Params>({
  access: "admin",
  summary: "Remove an app user from a group; 404 when they are not in it",
  handler: async ({ params }) => ({ group: await removeGroupMember(params.id, params.userId) }),
});
