import { NextRequest } from "next/server";
import { toResponse } from "../errors";
import { readLimitedText } from "./read-body";

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/**
 * For handlers we do not write ourselves (next-auth's): the body is read with the same cap
 * as our routes (413 past it) and handed on as a fresh request with the same headers.
 */
export function withBodyLimit<C>(handler: Handler<C>, limit: number): Handler<C> {
  return async (request, context) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request, context);
    let body: string;
    try {
      body = await readLimitedText(request, limit);
    } catch (err) {
      return toResponse(err);
    }
    return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body }), context);
  };
}
