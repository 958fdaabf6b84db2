import { documented } from "@/lib/http";
import { handleMcpRequest, mcpMethodNotAllowed } from "@/lib/mcp";

// AI assistants connect here with a person's API key (Settings → Connect an AI assistant).
export const POST = documented((request: Request) => handleMcpRequest(request), {
  access: "user",
  summary: "MCP (Streamable HTTP, JSON-RPC): tools search, fetch and list_spaces; a personal API key only",
});
export const GET = documented(() => mcpMethodNotAllowed(), { access: "user", summary: "Not offered: the MCP endpoint is stateless (405)" });
export const DELETE = documented(() => mcpMethodNotAllowed(), { access: "user", summary: "Not offered: there are no MCP sessions to end (405)" });
