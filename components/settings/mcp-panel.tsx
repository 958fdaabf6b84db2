"use client";

import { useState } from "react";
import { CopyField } from "@/components/connectors/copy-field";
import { CopyButton } from "@/components/ui/copy-button";
import { MCP_CLIENTS, mcpSnippet, type McpClient } from "./mcp-snippets";

/** How to connect an AI assistant to the MCP endpoint with a personal API key. */
export function McpPanel({ url }: { url: string }) {
  const [client, setClient] = useState<McpClient>("Claude Code");
  const snippet = mcpSnippet(client, url);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Connect an AI assistant (MCP)</h2>
      <p className="mt-1 text-sm text-slate-600">
        Assistants that speak the Model Context Protocol can search and read what you may see in Confluence, through the tools <code>search</code>,{" "}
        <code>fetch</code> and <code>list_spaces</code>. Create a personal API key below and use it in place of <code>&lt;your API key&gt;</code>; revoking the
        key cuts the assistant off.
      </p>
      <div className="mt-4 space-y-4">
        <CopyField label="MCP server URL (Streamable HTTP)" value={url} />
        <div>
          <label htmlFor="mcp-client" className="block text-sm font-medium text-slate-700">
            Client
          </label>
          <select
            id="mcp-client"
            value={client}
            onChange={(e) => setClient(e.target.value as McpClient)}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {MCP_CLIENTS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div>
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium text-slate-700">{snippet.where}</p>
            <CopyButton value={snippet.text} label="Copy snippet" className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50" />
          </div>
          <pre aria-label="Configuration snippet" className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {snippet.text}
          </pre>
        </div>
      </div>
    </div>
  );
}
