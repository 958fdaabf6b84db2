// The MCP server (Streamable HTTP at /api/mcp): search, fetch and list_spaces, each limited to what the caller may see.
export { handleMcpRequest, mcpMethodNotAllowed } from "./handler";
export { mcpEndpointUrl } from "./endpoint";
