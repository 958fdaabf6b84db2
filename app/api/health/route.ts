import { healthReport } from "@/lib/db";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and the start command probe it without credentials.
export async function GET() {
  const { status, body } = await healthReport();
  return Response.json(body, { status });
}
