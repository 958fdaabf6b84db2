import { describe, expect, it } from "vitest";
import { mapDcAttachment, mapDcComment, mapDcDocument, mapDcSpace } from "./map";

// Data Center leaves most fields out unless expanded, and sites differ in what they expand: only
// the id, the type and the version are relied on; everything else has a fallback.
const BASE = "https://wiki.corp.example/confluence";

describe("Data Center records", () => {
  it("map a page with every optional field missing, with Confluence's own address as its link", () => {
    const mapped = mapDcDocument({ id: "9007199254740993", type: "page", version: { number: 3 } }, BASE, "page");
    expect(mapped).toEqual({
      ok: true,
      value: expect.objectContaining({
        confluenceId: "9007199254740993",
        title: "",
        status: "current",
        version: 3,
        spaceConfluenceId: null,
        parentId: null,
        body: null,
        webUrl: `${BASE}/pages/viewpage.action?pageId=9007199254740993`,
      }),
    });
    if (mapped.ok) {
      expect(mapped.value.labels).toBeUndefined();
      expect(mapped.value.ancestorIds).toBeUndefined();
    }
  });

  it("take the parent and chain from the ancestors, labels from metadata, and links under the context path", () => {
    const mapped = mapDcDocument(
      {
        id: "30",
        type: "page",
        title: "Über 日本 ✓",
        space: { id: 98306, key: "ENG" },
        version: { number: 1, when: "2031-01-10T13:00:00.000+01:00", by: { userKey: "k2" } },
        history: { createdDate: "2031-01-09T10:00:00.000+01:00", createdBy: { userKey: "k1" } },
        ancestors: [{ id: "10", type: "page" }, { id: "20" }],
        metadata: { labels: { results: [{ name: "howto", prefix: "global" }] } },
        _links: { webui: "/spaces/ENG/pages/30/Uber" },
      },
      BASE,
      "page",
    );
    expect(mapped.ok && mapped.value).toMatchObject({
      spaceConfluenceId: "98306",
      parentId: "20",
      parentType: "page",
      ancestorIds: ["10", "20"],
      labels: ["howto"],
      authorId: "k1",
      modifiedAt: new Date("2031-01-10T12:00:00.000Z"),
      webUrl: `${BASE}/spaces/ENG/pages/30/Uber`,
    });
  });

  it("make a failure, not a record, of an item without a version, of the wrong type, or a comment without its container", () => {
    expect(mapDcDocument({ id: "1", type: "page" }, BASE, "page")).toMatchObject({
      ok: false,
      id: "1",
      reason: expect.stringMatching(/^unexpected shape at version/),
    });
    expect(mapDcDocument({ id: "2", type: "blogpost", version: { number: 1 } }, BASE, "page")).toMatchObject({
      ok: false,
      reason: "listed as a page but is a blogpost",
    });
    expect(mapDcComment({ id: "3", type: "comment", version: { number: 1 } }, BASE)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/without its container/),
    });
    expect(mapDcAttachment({ id: "att4", type: "attachment", version: { number: 1 } }, BASE)).toMatchObject({ ok: false, id: "att4" });
    expect(mapDcSpace({ id: 5 }, BASE)).toMatchObject({ ok: false, id: "5" });
  });

  it("tell inline comments and replies apart, and fall back for an attachment's media type and title", () => {
    const reply = mapDcComment(
      {
        id: "7",
        type: "comment",
        version: { number: 1 },
        container: { id: "30", type: "blogpost" },
        ancestors: [{ id: "6", type: "comment" }],
        extensions: { location: "inline" },
      },
      BASE,
    );
    expect(reply.ok && reply.value).toMatchObject({
      type: "inline_comment",
      parentId: "6",
      parentType: "comment",
      extra: { containerId: "30", containerType: "blogpost", anchorText: null },
    });
    const file = mapDcAttachment({ id: "att8", type: "attachment", version: { number: 2 }, container: { id: "30", type: "page" } }, BASE);
    expect(file.ok && file.value).toMatchObject({
      title: "attachment att8",
      mediaType: "application/octet-stream",
      fileSize: null,
      downloadPath: null,
      parentId: "30",
    });
    expect(mapDcSpace({ id: 9, key: "HR" }, BASE)).toEqual({
      ok: true,
      value: { confluenceId: "9", key: "HR", name: "HR", type: "global", status: "current", webUrl: `${BASE}/display/HR` },
    });
  });
});
