import { handleMcpRequest, mcpMethodNotAllowed } from "@/lib/mcp";

// AI assistants connect here with a person's API key (Settings → Connect an AI assistant).
export const POST = (request: Request) => handleMcpRequest(request);
export const GET = () => mcpMethodNotAllowed();
export const DELETE = () => mcpMethodNotAllowed();
