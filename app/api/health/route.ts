import { healthReport } from "@/lib/db";
import { documented } from "@/lib/http";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and the start command probe it without credentials.
export const GET = documented(
  async () => {
    const { status, body } = await healthReport();
    return Response.json(body, { status });
  },
  { access: "public", summary: "Health of the app and its database (200, or 503 when the database does not answer)" },
);
