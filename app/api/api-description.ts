import { serverEnv } from "@/lib/env";
import { buildOpenApi } from "@/lib/http";
import { ROUTES } from "./route-table";

/** The OpenAPI document of this app's routes (served at /api/openapi.json, shown at /api-docs). */
export function apiDescription() {
  return buildOpenApi(ROUTES, { title: "Confluence Connector API", version: "1.0.0", serverUrl: new URL(serverEnv().NEXTAUTH_URL).origin });
}
