import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { assertAdmin, authenticateRequest, type RequestActor } from "../auth";
import { ConfluenceError, toAppError } from "../confluence";
import { serverEnv } from "../env";
import { AppError, fieldProblemsFromZod, toResponse } from "../errors";
import { logger } from "../logger";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./read-body";

import { documented, type Access } from "./route-doc";

interface Context<TBody, TParams, TQuery = undefined> {
  request: Request;
  actor: RequestActor | null;
  body: TBody;
  query: TQuery;
  params: TParams;
  requestId: string;
}

interface RouteOptions<TSchema extends z.ZodType | undefined, TParams, TQuerySchema extends z.ZodType | undefined> {
  access: Access;
  /** One line for the API description (/api/openapi.json). */
  summary?: string;
  /** The success status (default 200). */
  status?: number;
  /**
   * The answer's schema: what the handler returns is checked against it (a mismatch is our bug, a
   * 500) and the API description shows it, so the two cannot drift apart.
   */
  response?: z.ZodType;
  /** The body schema, or a function giving it when it depends on settings read at request time. */
  body?: TSchema | (() => TSchema);
  /** The largest body accepted, in bytes (default 64 KB); larger bodies get a 413 before they are read. */
  maxBodyBytes?: number;
  /** The URL query schema (GET filters); problems are reported at loc ["query", field]. */
  query?: TQuerySchema;
  handler: (
    ctx: Context<TSchema extends z.ZodType ? z.infer<TSchema> : undefined, TParams, TQuerySchema extends z.ZodType ? z.infer<TQuerySchema> : undefined>,
  ) => Promise<Response | unknown>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages (route handlers have no CSRF
 * check). Writes to public routes too, when a browser sends an Origin (scripts send none).
 */
function assertSameOrigin(request: Request, { required }: { required: boolean }): void {
  const origin = request.headers.get("origin");
  if (!origin && !required) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const allowed = new Set([new URL(serverEnv().NEXTAUTH_URL).host, host]);
  if (!origin || !allowed.has(safeHost(origin))) {
    throw new AppError("FORBIDDEN", "Cross-site request refused: send it from the app, or use an API key.");
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

async function readBody<TSchema extends z.ZodType>(request: Request, schema: TSchema, limit: number): Promise<z.infer<TSchema>> {
  const parsed = schema.safeParse(await readJsonBody(request, limit));
  if (!parsed.success) throw AppError.validation(fieldProblemsFromZod(parsed.error));
  return parsed.data;
}

function readQuery<TSchema extends z.ZodType>(request: Request, schema: TSchema): z.infer<TSchema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw AppError.validation(fieldProblemsFromZod(parsed.error, "query"));
  return parsed.data;
}

function checkedResponse(schema: z.ZodType | undefined, result: unknown): unknown {
  if (!schema) return result;
  const parsed = schema.safeParse(result);
  if (!parsed.success)
    throw new Error(`The answer does not match its documented schema: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * Every route handler goes through here: authentication (session or API key), the role
 * check, the origin check for cookie writes, zod parsing of the body, and one error shape.
 */
export function apiRoute<
  TSchema extends z.ZodType | undefined = undefined,
  TParams = Record<string, string>,
  TQuerySchema extends z.ZodType | undefined = undefined,
>(options: RouteOptions<TSchema, TParams, TQuerySchema>) {
  const handle = async (request: Request, context?: { params?: Promise<TParams> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      let actor: RequestActor | null = null;
      if (options.access !== "public") {
        actor = await authenticateRequest(request);
        if (options.access === "admin") assertAdmin(actor);
        if (actor.method === "session" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request, { required: true });
      } else if (!SAFE_METHODS.has(request.method)) {
        assertSameOrigin(request, { required: false });
      }
      const schema = typeof options.body === "function" ? options.body() : options.body;
      const body = schema ? await readBody(request, schema, options.maxBodyBytes ?? DEFAULT_BODY_LIMIT) : undefined;
      const query = options.query ? readQuery(request, options.query) : undefined;
      const params = (context?.params ? await context.params : {}) as TParams;
      const result = await options.handler({ request, actor, body: body as never, query: query as never, params, requestId });
      if (result instanceof Response) return result;
      return Response.json(checkedResponse(options.response, result ?? { ok: true }), { status: options.status ?? 200 });
    } catch (err) {
      const path = new URL(request.url).pathname;
      // Confluence's typed errors become their AppError here, for every route, with a safe message.
      if (err instanceof ConfluenceError) {
        logger.warn({ err, requestId, path }, "Confluence call failed");
        return toResponse(toAppError(err), requestId);
      }
      if (!(err instanceof AppError)) logger.error({ err, requestId, path }, "route failed");
      return toResponse(err, requestId);
    }
  };
  const { access, summary, body, query, response, status } = options;
  return documented(handle, { access, summary, body, query, response, status });
}
