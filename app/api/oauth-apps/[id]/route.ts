import { deleteOAuthApp } from "@/lib/connectors";
import { apiRoute } from "@/lib/http";

export const DELETE = apiRoute<undefined, { id: string }>({
  access: "admin",
  handler: async ({ params }) => {
    await deleteOAuthApp(params.id);
    return new Response(null, { status: 204 });
  },
});
