import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import type { PreparedItem } from "./prepare-batch";
import { writeIndexBatch } from "./write-batch";

// The batch write of the index: one statement for the batch, and a conversion of an item that a
// newer sync changed meanwhile is dropped (the item stays pending for the next batch).
let connectorId: string;
beforeEach(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
});
afterAll(async () => {
  await disconnectDb();
});

async function pendingItem(confluenceId: string, type = "page") {
  return db().contentItem.create({ data: { connectorId, confluenceId, type, title: `Item ${confluenceId}`, status: "current", version: 1 } });
}

function prepared(item: { id: string; confluenceId: string; type: string; updatedAt: Date }, extra: Partial<PreparedItem> = {}): PreparedItem {
  return {
    id: item.id,
    confluenceId: item.confluenceId,
    type: item.type,
    updatedAt: item.updatedAt,
    outcome: "indexed",
    reason: null,
    markdown: `# Item ${item.confluenceId}`,
    language: "english",
    title: `Item ${item.confluenceId}`,
    chunks: [{ ordinal: 0, headingPath: ["Intro"], text: `wombat text of ${item.confluenceId}` }],
    breadcrumb: ["Space", "Parent"],
    spaceConfluenceId: "S1",
    ...extra,
  };
}

describe("writing an index batch", () => {
  it("writes each item's Markdown, status, breadcrumb, space and chunks, and names comments after their page", async () => {
    const page = await pendingItem("1");
    const comment = await pendingItem("2", "footer_comment");
    const failed = await pendingItem("3");
    const tally = await db().$transaction((tx) =>
      writeIndexBatch(tx, connectorId, [
        prepared(page),
        prepared(comment, { title: "Comment on Item 1" }),
        prepared(failed, { outcome: "failed", reason: "unreadable\u0000 file", markdown: null, chunks: [] }),
      ]),
    );
    expect(tally.get("page")).toEqual({ converted: 1, indexed: 1, indexFailed: 1, indexSkipped: 0 });
    const rows = await db().contentItem.findMany({ where: { connectorId }, orderBy: { confluenceId: "asc" }, include: { searchChunks: true } });
    expect(rows.map((r) => [r.indexStatus, r.title, r.breadcrumb, r.spaceConfluenceId, r.searchChunks.length])).toEqual([
      ["indexed", "Item 1", ["Space", "Parent"], "S1", 1],
      ["indexed", "Comment on Item 1", ["Space", "Parent"], "S1", 1],
      ["failed", "Item 3", ["Space", "Parent"], "S1", 0],
    ]);
    expect(rows[2]!.indexError).toBe("unreadable file");
    expect(rows[0]!.markdown).toBe("# Item 1");
  });

  it("leaves an item a newer sync changed after it was read pending, without its stale chunks", async () => {
    const item = await pendingItem("1");
    const readAt = prepared(item);
    await new Promise((r) => setTimeout(r, 5));
    await db().contentItem.update({ where: { id: item.id }, data: { title: "Renamed by a newer sync" } });
    const tally = await db().$transaction((tx) => writeIndexBatch(tx, connectorId, [readAt]));
    expect(tally.size).toBe(0);
    const row = await db().contentItem.findUniqueOrThrow({ where: { id: item.id }, include: { searchChunks: true } });
    expect([row.indexStatus, row.title, row.searchChunks.length]).toEqual(["pending", "Renamed by a newer sync", 0]);
  });
});
