import { z } from "zod";
import { ERROR_STATUS } from "../errors";
import { routeDocOf, type RouteDoc } from "./route-doc";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A route module (its exported handlers) at its URL template, such as /api/connectors/{id}. */
export interface RouteModule {
  path: string;
  module: Record<string, unknown>;
}

type JsonSchema = Record<string, unknown>;

// Request schemas describe what a client sends (before defaults and coercion), answers what it gets.
const toSchema = (schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

const ERROR_BODY: JsonSchema = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", enum: [...new Set(Object.keys(ERROR_STATUS))] },
    message: { type: "string" },
    detail: {
      type: "array",
      description: "Validation problems (422): where, what, and a machine-readable type.",
      items: {
        type: "object",
        required: ["loc", "msg", "type"],
        properties: { loc: { type: "array", items: { type: ["string", "integer"] } }, msg: { type: "string" }, type: { type: "string" } },
      },
    },
    requestId: { type: "string" },
  },
};

function queryParameters(doc: RouteDoc) {
  if (!doc.query) return [];
  const schema = toSchema(doc.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function operation(method: string, path: string, doc: RouteDoc) {
  const body = typeof doc.body === "function" ? doc.body() : doc.body;
  const pathParameters = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1]!, in: "path", required: true, schema: { type: "string" } }));
  const errors = (codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), { $ref: "#/components/responses/Error" }]));
  return {
    operationId: `${method.toLowerCase()}${path.replace(/\{([^}]+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: doc.summary ?? `${method} ${path}`,
    tags: [path.split("/")[2] ?? "api"],
    security: doc.access === "public" ? [] : [{ apiKey: [] }, { session: [] }],
    "x-access": doc.access,
    parameters: [...pathParameters, ...queryParameters(doc)],
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(body) } } } } : {}),
    responses: {
      [doc.status || doc.response ? String(doc.status ?? 200) : "2XX"]: {
        description: "Success",
        content: { [doc.produces ?? "application/json"]: { schema: doc.response ? toSchema(doc.response, "output") : {} } },
      },
      ...errors([400, ...(doc.access === "public" ? [] : [401, 403]), 404, ...(body || doc.query ? [422] : []), 500]),
    },
  };
}

/**
 * The OpenAPI 3.1 description of the given route modules, read from the schemas each handler
 * parses with. A handler without a description is an error here, so a route cannot be added
 * undescribed (the route table test walks app/api to make sure none is left out).
 */
export function buildOpenApi(routes: RouteModule[], info: { title: string; version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path, module } of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    for (const method of HTTP_METHODS) {
      if (!(method in module)) continue;
      const doc = routeDocOf(module[method]);
      if (!doc) throw new Error(`${method} ${path} has no description: build it with apiRoute, or wrap it with documented().`);
      (paths[path] ??= {})[method.toLowerCase()] = operation(method, path, doc);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: info.title,
      version: info.version,
      description: "Errors share one body; validation errors list each field's problem (README: API conventions).",
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A personal API key (Settings → Personal API keys)." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session; writes must come from the app's own origin.",
        },
      },
      responses: { Error: { description: "An error", content: { "application/json": { schema: ERROR_BODY } } } },
    },
  };
}
