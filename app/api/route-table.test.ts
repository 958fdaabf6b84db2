import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS } from "@/lib/http";
import { apiDescription } from "./api-description";
import { ROUTES } from "./route-table";

// The API description must match the routes that exist: every route file under app/api at its
// URL, every handler it exports as an operation, and nothing described that is not there.
const apiDir = path.join(process.cwd(), "app", "api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const urlOf = (file: string) =>
  "/api/" +
  path
    .relative(apiDir, path.dirname(file))
    .split(path.sep)
    .map((segment) => segment.replace(/^\[\.\.\.(.+)\]$/, "{$1}").replace(/^\[(.+)\]$/, "{$1}"))
    .join("/");

describe("the API description (/api/openapi.json)", () => {
  const doc = apiDescription();

  it("lists every route file under app/api, at its URL, and nothing else", () => {
    expect(ROUTES.map((r) => r.path).sort()).toEqual(routeFiles(apiDir).map(urlOf).sort());
  });

  it("describes exactly the methods each route exports", async () => {
    for (const route of ROUTES) {
      const file = path.join(
        apiDir,
        ...route.path
          .replace(/^\/api\//, "")
          .split("/")
          .map((s) => s.replace(/^\{(.+)\}$/, (_, n: string) => (n === "nextauth" ? "[...nextauth]" : `[${n}]`))),
        "route.ts",
      );
      const exported = HTTP_METHODS.filter((m) =>
        new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\bas ${m}\\b`).test(fs.readFileSync(file, "utf8")),
      );
      expect(Object.keys(doc.paths[route.path] ?? {}).sort(), route.path).toEqual(exported.map((m) => m.toLowerCase()).sort());
    }
  });

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("reads parameters and bodies from the schemas the routes parse with", () => {
    const feed = doc.paths["/api/feed"]!.get as { parameters: { name: string; schema: { maximum?: number } }[]; "x-access": string };
    expect(feed["x-access"]).toBe("admin");
    expect(feed.parameters.find((p) => p.name === "limit")?.schema.maximum).toBe(500);
    const create = doc.paths["/api/connectors"]!.post as { requestBody: { content: { "application/json": { schema: Record<string, unknown> } } } };
    expect(JSON.stringify(create.requestBody.content["application/json"].schema)).toContain("authMethod");
    const record = doc.paths["/api/records/{id}"]!.get as { parameters: { name: string; in: string }[] };
    expect(record.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path" }));
  });

  it("shows the answers of the sync and config routes from the schemas their answers are checked against", () => {
    const started = doc.paths["/api/connectors/{id}/sync"]!.post as {
      responses: Record<string, { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } }>;
    };
    expect(Object.keys(started.responses["202"]!.content["application/json"].schema.properties ?? {})).toEqual(
      expect.arrayContaining(["type", "run_id", "current_artifact_count", "integration_item_count"]),
    );
    const config = doc.paths["/api/connectors/{id}/config"]!.get as {
      responses: Record<string, { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } }>;
    };
    expect(Object.keys(config.responses["200"]!.content["application/json"].schema.properties ?? {})).toEqual(expect.arrayContaining(["siteUrl", "config"]));
  });
});
