import { apiDescription } from "../api-description";
import { apiRoute } from "@/lib/http";

// Signed-in people and API keys (codegen tools send one); the description itself holds no data.
export const GET = apiRoute({
  access: "user",
  summary: "This API's OpenAPI 3.1 description, generated from the schemas the routes parse with",
  handler: async () => apiDescription(),
});
