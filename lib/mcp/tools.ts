import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { findRecordByUrl, getRecord, listVisibleSpaces, RECORD_TYPES, searchRecords, ZSearchQuery, type SearchHit } from "../content";
import { AppError } from "../errors";
import type { Viewer } from "../permissions";

const ZDay = z.iso.date({ error: "Use a date like 2024-05-31." });

const searchInput = {
  query: z.string().trim().min(1, "Type something to search for.").max(500, "Keep the query under 500 characters.").describe("Words to search for"),
  space: z.string().trim().max(255).optional().describe("A space key, such as ENG, to search in only"),
  type: z.enum(RECORD_TYPES).optional().describe("Only this kind of record"),
  modifiedFrom: ZDay.optional().describe("Modified on or after this day (YYYY-MM-DD)"),
  modifiedTo: ZDay.optional().describe("Modified on or before this day (YYYY-MM-DD)"),
  limit: z.number().int().min(1).max(50).default(10).describe("How many results (1-50)"),
};

const fetchInput = {
  id: z.string().trim().min(1).max(2000).describe("A record id from search, or a Confluence link to a page, blog post or attachment"),
};

const asText = (value: unknown) => ({ content: [{ type: "text" as const, text: JSON.stringify(value, null, 2) }] });

function hitView(hit: SearchHit) {
  return {
    recordId: hit.recordId,
    title: hit.title,
    type: hit.type,
    breadcrumb: hit.breadcrumb.join(" › "),
    space: hit.space?.key ?? null,
    // Matched words in **bold**, as the search page highlights them.
    snippet: hit.snippet.map((p) => (p.match ? `**${p.text}**` : p.text)).join(""),
    url: hit.url,
    modifiedAt: hit.modifiedAt,
  };
}

/**
 * The MCP server for one person: every tool answers through the same permission rule as Search,
 * so a record they may not see in Confluence does not exist for the assistant either.
 */
export function mcpServerFor(viewer: Viewer): McpServer {
  const server = new McpServer({ name: "confluence-connector", version: "1.0.0" });

  server.registerTool(
    "search",
    {
      title: "Search Confluence",
      description:
        "Ranked full-text search over the synced Confluence content this person may see. Returns titles, breadcrumbs, snippets, links and record ids for fetch.",
      inputSchema: searchInput,
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const query = ZSearchQuery.parse({
        q: args.query,
        space: args.space,
        type: args.type,
        modifiedFrom: args.modifiedFrom,
        modifiedTo: args.modifiedTo,
        pageSize: args.limit,
      });
      const found = await searchRecords(query, viewer);
      return asText({ total: found.total, results: found.hits.map(hitView) });
    },
  );

  server.registerTool(
    "fetch",
    {
      title: "Fetch a record",
      description: "A record's Markdown and metadata, by the record id search returned or by its Confluence link.",
      inputSchema: fetchInput,
      annotations: { readOnlyHint: true },
    },
    async ({ id }) => {
      const recordId = /^https?:\/\//i.test(id) ? await findRecordByUrl(id, viewer) : id;
      if (!recordId) throw new AppError("NOT_FOUND", "No record you may see has that link.");
      // A record the person may not see answers as one that does not exist.
      const record = await getRecord(recordId, viewer);
      const { id: rid, type, title, url, breadcrumb, space, modifiedAt, authorName, labels, markdown, container, attachments, comments } = record;
      return asText({ id: rid, type, title, url, breadcrumb, space, modifiedAt, author: authorName, labels, container, attachments, comments, markdown });
    },
  );

  server.registerTool(
    "list_spaces",
    {
      title: "List spaces",
      description: "The Confluence spaces in which this person may see at least one synced record, with their keys for search.",
      annotations: { readOnlyHint: true },
    },
    async () => asText({ spaces: await listVisibleSpaces(viewer) }),
  );

  return server;
}
