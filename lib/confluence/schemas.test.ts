import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAttachment, ZBlogPost, ZFolder, ZFooterComment, ZInlineComment, ZLabel, ZPage, ZSpace, ZSpacePermission, ZUser, ZVersion } from "./schemas";

// Atlassian's OpenAPI file for REST v2 (kept with the simulator); read as data, not imported as code.
const spec = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../simulator/spec/confluence-cloud-rest-v2.openapi.json"), "utf8"));
type JsonSchema = { $ref?: string; type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; allOf?: JsonSchema[]; enum?: unknown[] };

function resolve(s: JsonSchema): JsonSchema {
  let out = s;
  while (out.$ref) out = spec.components.schemas[out.$ref.split("/").pop()!];
  if (out.allOf) {
    const merged: JsonSchema = { type: "object", properties: {} };
    for (const part of out.allOf.map(resolve)) Object.assign(merged.properties!, part.properties ?? {});
    return merged;
  }
  return out;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = (s as z.ZodOptional).unwrap() as z.ZodType;
  return s;
}

function specType(s: JsonSchema): string | undefined {
  if (s.type) return s.type;
  if (s.enum) return typeof s.enum[0];
  return s.properties ? "object" : undefined;
}

/** Every field our schema reads must exist in the spec's schema, with a compatible type. */
function mismatches(ours: z.ZodType, theirs: JsonSchema, at: string): string[] {
  const target = resolve(theirs);
  const inner = unwrap(ours);
  const type = specType(target);
  if (inner instanceof z.ZodObject) {
    if (type !== "object") return [`${at}: spec says ${type}`];
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
      const prop = target.properties?.[key];
      return prop ? mismatches(field, prop, `${at}.${key}`) : [`${at}.${key}: not in the spec`];
    });
  }
  if (inner instanceof z.ZodArray) return type === "array" ? mismatches(inner.element as z.ZodType, target.items!, `${at}[]`) : [`${at}: spec says ${type}`];
  if (inner instanceof z.ZodString || inner instanceof z.ZodISODateTime) return type === "string" ? [] : [`${at}: spec says ${type}`];
  if (inner instanceof z.ZodNumber) return type === "integer" || type === "number" ? [] : [`${at}: spec says ${type}`];
  if (inner instanceof z.ZodBoolean) return type === "boolean" ? [] : [`${at}: spec says ${type}`];
  return [`${at}: unchecked zod type ${inner.constructor.name}`];
}

const PAIRS: [string, z.ZodType, string][] = [
  ["ZSpace", ZSpace, "SpaceBulk"],
  ["ZPage", ZPage, "PageBulk"],
  ["ZBlogPost", ZBlogPost, "BlogPostBulk"],
  ["ZFolder", ZFolder, "FolderSingle"],
  ["ZFooterComment", ZFooterComment, "FooterCommentModel"],
  ["ZInlineComment", ZInlineComment, "InlineCommentModel"],
  ["ZAttachment", ZAttachment, "AttachmentBulk"],
  ["ZLabel", ZLabel, "Label"],
  ["ZSpacePermission", ZSpacePermission, "SpacePermissionAssignment"],
  ["ZUser", ZUser, "User"],
  ["ZVersion", ZVersion, "Version"],
];

describe("schemas agree with Atlassian's OpenAPI file", () => {
  for (const [name, schema, specName] of PAIRS) {
    it(`${name} reads only fields that ${specName} defines, with matching types`, () => {
      expect(spec.components.schemas[specName]).toBeDefined();
      expect(mismatches(schema, { $ref: `#/components/schemas/${specName}` }, name)).toEqual([]);
    });
  }

  it("the check itself catches a field the spec does not have", () => {
    expect(mismatches(z.object({ id: z.string(), colour: z.string() }), { $ref: "#/components/schemas/Label" }, "X")).toEqual(["X.colour: not in the spec"]);
  });
});

describe("schemas parse leniently but strictly", () => {
  const page = {
    id: "1",
    status: "current",
    title: "Home",
    spaceId: "9",
    parentId: null,
    authorId: "u1",
    createdAt: "2024-01-02T03:04:05.000Z",
    version: { number: 2, createdAt: "2024-01-03T00:00:00.000Z", authorId: "u2" },
    body: { storage: { value: "<p>hi</p>", representation: "storage" } },
    _links: { webui: "/spaces/ENG/pages/1/Home" },
    somethingNew: { nested: true },
  };

  it("accepts unknown fields and null optional fields, and drops what we do not use", () => {
    const parsed = ZPage.parse(page);
    expect(parsed.body?.storage?.value).toBe("<p>hi</p>");
    expect("somethingNew" in parsed).toBe(false);
  });

  it("rejects a missing field we rely on, naming it", () => {
    const { version: _drop, ...rest } = page;
    const result = ZPage.safeParse({ ...rest, version: { createdAt: "2024-01-03T00:00:00.000Z" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["version", "number"]);
  });
});
