import { pingDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and the start command probe it without credentials.
export async function GET() {
  const database = await pingDatabase();
  if (database.ok) return Response.json({ status: "ok", database: "reachable" });
  return Response.json({ status: "error", database: "unreachable", message: database.error }, { status: 503 });
}
