/** Connection snippets for common MCP clients (Settings → Connect an AI assistant). */
export const MCP_CLIENTS = ["Claude Code", "Cursor", "VS Code", "Other"] as const;
export type McpClient = (typeof MCP_CLIENTS)[number];

const KEY = "<your API key>";

export function mcpSnippet(client: McpClient, url: string): { where: string; text: string } {
  const headers = { Authorization: `Bearer ${KEY}` };
  switch (client) {
    case "Claude Code":
      return { where: "Run in a terminal", text: `claude mcp add --transport http confluence ${url} --header "Authorization: Bearer ${KEY}"` };
    case "Cursor":
      return { where: "~/.cursor/mcp.json", text: JSON.stringify({ mcpServers: { confluence: { url, headers } } }, null, 2) };
    case "VS Code":
      return { where: ".vscode/mcp.json", text: JSON.stringify({ servers: { confluence: { type: "http", url, headers } } }, null, 2) };
    case "Other":
      return { where: "Any client that speaks Streamable HTTP", text: JSON.stringify({ mcpServers: { confluence: { type: "http", url, headers } } }, null, 2) };
  }
}
