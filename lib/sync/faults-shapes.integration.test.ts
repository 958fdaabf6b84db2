import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun, expectedSiteContent, storedIds } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

// Issue 13 item 4: the v2 OpenAPI file marks no field required, so a site (or a proxy, or
// another Confluence double) may leave out anything. The sync relies on these alone; every
// other field the spec defines for the shapes it reads is stripped here and the site still syncs.
const RELIED_ON = new Set([
  "id",
  "key",
  "spaceId",
  "parentId",
  "parentType",
  "pageId",
  "blogPostId",
  "parentCommentId",
  "version",
  "number",
  "body",
  "storage",
  "value",
  "downloadLink",
  // Space permissions and users (permissions step).
  "principal",
  "operation",
  "type",
  "targetType",
  "accountId",
  "name",
]);
const SHAPES = [
  "SpaceBulk",
  "PageBulk",
  "BlogPostBulk",
  "FooterCommentModel",
  "InlineCommentModel",
  "AttachmentBulk",
  "Label",
  "SpacePermissionAssignment",
  "User",
  "Version",
];

type JsonSchema = { $ref?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; allOf?: JsonSchema[] };
const spec = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../simulator/spec/confluence-cloud-rest-v2.openapi.json"), "utf8"));

/** Every property name the spec defines for a schema, nested objects included. */
function fieldNames(schema: JsonSchema, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return fieldNames(spec.components.schemas[name], seen);
  }
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, prop]) => [key, ...fieldNames(prop, seen)]);
  return [...own, ...(schema.allOf ?? []).flatMap((s) => fieldNames(s, seen)), ...(schema.items ? fieldNames(schema.items, seen) : [])];
}

const optional = [...new Set(SHAPES.flatMap((s) => fieldNames({ $ref: `#/components/schemas/${s}` })))].filter((f) => !RELIED_ON.has(f)).sort();

let sim: Simulator;
useSyncTestSite({ seed: 37, spaces: 2, pages: 30 }, (started) => (sim = started));

describe("a site that leaves out every field the spec leaves optional", () => {
  it("still syncs every space, page, blog post, comment and attachment, with links built from ids", async () => {
    expect(optional).toEqual(expect.arrayContaining(["_links", "title", "status", "createdAt", "authorId", "mediaType", "fileSize", "homepageId"]));
    await simAdmin(sim, "/faults/shapes", "PUT", { dropFields: optional });
    try {
      const connectorId = await configuredConnector(sim);
      const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
      await driveRun(run.id);
      const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(finished.error).toBeNull();
      expect(finished.status).toBe("completed");
      const expected = expectedSiteContent(sim);
      expect(await storedIds(connectorId, "page")).toEqual(expected.pages);
      expect(await storedIds(connectorId, "blogpost")).toEqual(expected.blogposts);
      expect(await storedIds(connectorId, "footer_comment")).toEqual(expected.footerComments);
      expect(await storedIds(connectorId, "attachment")).toEqual(expected.attachments);
      const space = await db().confluenceSpace.findFirstOrThrow({ where: { connectorId } });
      expect(space.webUrl).toBe(`${sim.url}/wiki/spaces/${space.key}`);
      const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, type: "page" } });
      // The fault did reach the sync: no titles came, and none were invented.
      expect(page.title).toBe("");
      expect(page.webUrl).toBe(`${sim.url}/wiki/pages/viewpage.action?pageId=${page.confluenceId}`);
    } finally {
      await simAdmin(sim, "/faults/shapes", "DELETE");
    }
  });
});
