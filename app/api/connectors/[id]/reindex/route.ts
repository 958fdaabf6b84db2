import { apiRoute } from "@/lib/http";
import { requestReindex } from "@/lib/content";

/** Rebuild index: re-convert every stored item from its stored body or file, without calling Confluence. */
export const POST = apiRoute({
  access: "admin",
  handler: async ({ params }) => Response.json(await requestReindex((params as { id: string }).id), { status: 202 }),
});
