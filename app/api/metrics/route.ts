import { apiRoute } from "@/lib/http";
import { readMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

// Public to sessions and API keys on purpose: scrapers send METRICS_TOKEN instead (checked in lib/metrics).
export const GET = apiRoute({
  access: "public",
  summary: "Prometheus metrics (text format), behind METRICS_TOKEN sent as a Bearer token; 404 while it is unset",
  handler: async ({ request }) => {
    const metrics = await readMetrics(request.headers.get("authorization"));
    return new Response(metrics.text, { headers: { "Content-Type": metrics.contentType, "Cache-Control": "no-store" } });
  },
});
