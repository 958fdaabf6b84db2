import type { z } from "zod";

export type Access = "public" | "user" | "admin";

/**
 * What the API description says about one handler, attached to the handler itself so the
 * description is read from the same schemas the route parses with (lib/http/openapi.ts).
 */
export interface RouteDoc {
  access: Access;
  summary?: string;
  body?: z.ZodType | (() => z.ZodType | undefined);
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** What the route answers when it is not JSON (the OAuth callback's page, the MCP stream). */
  produces?: string;
}

export type DocumentedHandler<T> = T & { apiDoc: RouteDoc };

/** Attaches a description to a handler that does not go through apiRoute (health, MCP, next-auth). */
export function documented<T extends object>(handler: T, doc: RouteDoc): DocumentedHandler<T> {
  return Object.assign(handler, { apiDoc: doc });
}

export function routeDocOf(handler: unknown): RouteDoc | null {
  return typeof handler === "function" && "apiDoc" in handler ? ((handler as { apiDoc: RouteDoc }).apiDoc ?? null) : null;
}
