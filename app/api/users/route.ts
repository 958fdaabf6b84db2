import { createUser, listUsers, ZCreateUserInput, ZUsersQuery } from "@/lib/auth";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({
  access: "admin",
  summary: "Every user, or with q the first few whose name or email contains it",
  query: ZUsersQuery,
  handler: async ({ query }) => ({ users: await listUsers(query) }),
});

export const POST = apiRoute({
  access: "admin",
  body: ZCreateUserInput,
  handler: async ({ body }) => Response.json({ user: await createUser(body) }, { status: 201 }),
});
