import { createUser, listUsers, ZCreateUserInput } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({ access: "admin", handler: async () => ({ users: await listUsers() }) });

export const POST = apiRoute({
  access: "admin",
  body: ZCreateUserInput,
  handler: async ({ body }) => Response.json({ user: await createUser(body) }, { status: 201 }),
});
