import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { appUrl, signInAsAdmin } from "./support";

// Settings shows how to connect an assistant, and the app's real /api/mcp answers the SDK's client
// with the key created on that page (the permission cases are in lib/mcp's integration test).
test("Settings shows the MCP URL and a snippet per client, and an assistant connects with a personal API key", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/settings");
  const panel = page.locator("div", { has: page.getByRole("heading", { name: "Connect an AI assistant (MCP)" }) }).last();
  await expect(panel.getByLabel("MCP server URL (Streamable HTTP)")).toHaveValue(/\/api\/mcp$/);
  await panel.getByLabel("Client").selectOption("VS Code");
  await expect(panel.getByText(".vscode/mcp.json")).toBeVisible();
  await expect(panel.getByLabel("Configuration snippet")).toContainText('"type": "http"');

  await page.getByLabel("Key name").fill(`assistant ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  const client = new Client({ name: "e2e-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", appUrl), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["fetch", "list_spaces", "search"]);
  const answer = (await client.callTool({ name: "list_spaces", arguments: {} })) as { content: { text: string }[] };
  expect(JSON.parse(answer.content[0]!.text)).toHaveProperty("spaces");
  const missing = (await client.callTool({ name: "fetch", arguments: { id: "no-such-record" } })) as { isError?: boolean; content: { text: string }[] };
  expect(missing.isError).toBe(true);
  expect(missing.content[0]!.text).toContain("No record");
  await client.close();
});
