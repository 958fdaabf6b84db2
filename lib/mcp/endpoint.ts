import { serverEnv } from "../env";

/** Where assistants connect: the app's public URL (NEXTAUTH_URL) plus /api/mcp. */
export function mcpEndpointUrl(): string {
  return new URL("/api/mcp", serverEnv().NEXTAUTH_URL).toString();
}
