import { gunzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import type { ItemRecord } from "./map-items";
import { saveItems } from "./save-items";

// Saving a page of records: new and stored rows in one statement each, what a listing leaves out
// kept, and one bad item failed on its own while the rest of the page is saved.
let connectorId: string;
beforeEach(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
});
afterAll(async () => {
  await disconnectDb();
});

const page = (id: string, extra: Partial<ItemRecord> = {}): ItemRecord => ({
  confluenceId: id,
  type: "page",
  spaceConfluenceId: "S1",
  parentId: null,
  parentType: null,
  title: `Página ${id} ✓`,
  status: "current",
  version: 1,
  authorId: "u1",
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
  modifiedAt: new Date("2026-02-03T04:05:06.789Z"),
  webUrl: `https://t.atlassian.net/wiki/spaces/S/pages/${id}`,
  body: `<p>body of ${id}</p>`,
  ...extra,
});

const save = (records: ItemRecord[], runId = "run-1") => db().$transaction((tx) => saveItems(tx, connectorId, runId, records));
const row = (confluenceId: string) => db().contentItem.findUniqueOrThrow({ where: { connectorId_confluenceId: { connectorId, confluenceId } } });

describe("saving a page of records", () => {
  it("stores every field of new records, bodies compressed, each pending for the index", async () => {
    const big = "9007199254740993";
    const saved = await save([page("1", { labels: ["a", "a", "b"], ancestorIds: ["0"], extra: { containerId: "9" } }), page(big)]);
    expect(saved).toMatchObject({ fetched: 2, unchanged: 0, failures: [] });
    const one = await row("1");
    expect(one).toMatchObject({ title: "Página 1 ✓", version: 1, labels: ["a", "b"], ancestorIds: ["0"], extra: { containerId: "9" }, indexStatus: "pending" });
    expect(one.createdAt?.toISOString()).toBe("2026-01-02T03:04:05.678Z");
    expect(one.modifiedAt?.toISOString()).toBe("2026-02-03T04:05:06.789Z");
    expect(gunzipSync(one.bodyStorageGz!).toString()).toBe("<p>body of 1</p>");
    expect((await row(big)).lastSeenRunId).toBe("run-1");
  });

  it("a new version rewrites the row; what the listing left out (body of the same version, labels, ancestors) is kept", async () => {
    await save([page("1", { labels: ["keep"], ancestorIds: ["0"], extra: { containerId: "9" } })]);
    await db().contentItem.update({ where: { connectorId_confluenceId: { connectorId, confluenceId: "1" } }, data: { indexStatus: "indexed" } });
    // Same version, another status, no body in the listing (two-pass filters).
    const saved = await save([page("1", { status: "archived", body: null })], "run-2");
    expect(saved).toMatchObject({ fetched: 1, unchanged: 0 });
    const after = await row("1");
    expect(after).toMatchObject({
      status: "archived",
      labels: ["keep"],
      ancestorIds: ["0"],
      extra: { containerId: "9" },
      indexStatus: "pending",
      lastSeenRunId: "run-2",
    });
    expect(gunzipSync(after.bodyStorageGz!).toString()).toBe("<p>body of 1</p>");
    // A new version without a body clears the old body: it belongs to the old version.
    await save([page("1", { version: 2, body: null })], "run-3");
    expect((await row("1")).bodyStorageGz).toBeNull();
  });

  it("a 300 KB body of unicode and a megabyte of whitespace round-trip exactly; NUL is dropped from the title", async () => {
    const body = `<p>${"Ünïcødé 𝔘 日本語 ".repeat(12_000)}</p>${" \n\t".repeat(350_000)}<p>end</p>`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_300_000);
    const saved = await save([page("big", { body, title: "Ti\u0000tle" })]);
    expect(saved.failures).toEqual([]);
    const stored = await row("big");
    expect(stored.title).toBe("Title");
    expect(gunzipSync(stored.bodyStorageGz!).toString()).toBe(body);
  });

  it("marks unchanged records as seen without rewriting them", async () => {
    await save([page("1")]);
    const before = await row("1");
    const saved = await save([page("1")], "run-2");
    expect(saved).toMatchObject({ fetched: 0, unchanged: 1 });
    const after = await row("1");
    expect(after.lastSeenRunId).toBe("run-2");
    expect(after.syncedAt).toEqual(before.syncedAt);
  });

  it("a new attachment version drops the file stored for the old one", async () => {
    const attachment = (version: number) =>
      page("att", { type: "attachment", version, body: null, mediaType: "text/plain", fileSize: 5, downloadPath: "/download/a.txt" });
    await save([attachment(1)]);
    await db().contentItem.update({
      where: { connectorId_confluenceId: { connectorId, confluenceId: "att" } },
      data: { fileSetId: "set-1", fileBytes: 5, fileStatus: null, fileAttempts: 1 },
    });
    await save([attachment(2)], "run-2");
    expect(await row("att")).toMatchObject({ version: 2, fileSetId: null, fileBytes: null, fileAttempts: 0, mediaType: "text/plain", fileSize: 5 });
  });

  it("one record the database refuses fails alone; the rest of the page, stored and new, is saved", async () => {
    await save([page("1")]);
    const saved = await save([page("1", { version: 2 }), page("bad", { version: 2 ** 31 }), page("3")], "run-2");
    expect(saved.failures).toEqual([{ confluenceId: "bad", reason: expect.stringMatching(/could not be stored: .*out of range/) }]);
    expect(saved).toMatchObject({ fetched: 2, changedIds: ["1", "3"] });
    expect((await row("1")).version).toBe(2);
    expect((await row("3")).lastSeenRunId).toBe("run-2");
    expect(await db().contentItem.count({ where: { confluenceId: "bad" } })).toBe(0);
  });

  it("a page naming the same item twice saves it once, with the later copy", async () => {
    const saved = await save([page("1", { title: "first" }), page("1", { title: "second" })]);
    expect(saved.failures).toEqual([]);
    expect(await db().contentItem.count({ where: { connectorId } })).toBe(1);
    expect((await row("1")).title).toBe("second");
  });
});
