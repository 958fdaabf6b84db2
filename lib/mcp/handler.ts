import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { authenticateRequest } from "../auth";
import { AppError, toResponse } from "../errors";
import { viewerOf } from "../permissions";
import { mcpServerFor } from "./tools";

/**
 * One MCP request over Streamable HTTP, stateless: the person is the owner of the API key, a
 * server with their view answers, and nothing outlives the request, so any web process can answer
 * any call. Only API keys are accepted (never the session cookie, which another site's page could
 * make a browser send). Errors before MCP starts (no key, a revoked one) are the app's usual JSON
 * error bodies; errors inside a tool are MCP tool errors.
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  try {
    if (!request.headers.get("authorization")) throw new AppError("UNAUTHENTICATED", "Send a personal API key as a Bearer token (Settings → API keys).");
    const actor = await authenticateRequest(request);
    const server = mcpServerFor(viewerOf(actor.user));
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: 64 * 1024 });
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    await server.close();
    return response;
  } catch (err) {
    return toResponse(err);
  }
}

/** Stateless: no stream to open (GET) and no session to end (DELETE); MCP clients expect a 405 here. */
export function mcpMethodNotAllowed(): Response {
  const response = toResponse(new AppError("METHOD_NOT_ALLOWED", "This MCP endpoint is stateless: send JSON-RPC requests with POST."));
  response.headers.set("Allow", "POST");
  return response;
}
