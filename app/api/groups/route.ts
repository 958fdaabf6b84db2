import { createGroup, listGroups, ZGroupInput } from "@/lib/audiences";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute({
  access: "admin",
  summary: "Groups of app users (for audience rules), with their members",
  handler: async () => ({ groups: await listGroups() }),
});

export const POST = apiRoute({
  access: "admin",
  summary: "Create a group of app users; 409 when the name is taken (whatever its case)",
  body: ZGroupInput,
  handler: async ({ body }) => Response.json({ group: await createGroup(body) }, { status: 201 }),
});
