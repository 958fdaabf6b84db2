import { describe, expect, it } from "vitest";
import { MCP_CLIENTS, mcpSnippet } from "./mcp-snippets";

describe("MCP connection snippets", () => {
  it("point every client at the endpoint with a Bearer key placeholder, as valid JSON where it is JSON", () => {
    const url = "https://connector.example.com/api/mcp";
    for (const client of MCP_CLIENTS) {
      const { text } = mcpSnippet(client, url);
      expect(text).toContain(url);
      expect(text).toContain("Bearer <your API key>");
      if (client !== "Claude Code") expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});
