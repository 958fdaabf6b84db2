import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { resetDatabase } from "../../test/db";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { requestSync } from "../sync";
import { getRecord, listRecords, searchRecords, ZRecordsQuery, ZSearchQuery } from ".";

// One synced site shared by every test here: searches and record listings only read.
let sim: Simulator;
let connectorId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 41, spaces: 2, pages: 20 });
  await resetDatabase();
  const [first, second] = [...sim.store.spaces.values()].filter((s) => s.status === "current");
  const add = async (key: string, spaceKey: string, title: string, body: string) => {
    const response = await simAdmin(sim, "/pages", "POST", { spaceKey, title, body });
    ids[key] = ((await response.json()) as { id: string }).id;
  };
  await add("german", first!.key, "Handbuch zur Synchronisierung", "<p>Die Synchronisierungen der Dokumente laufen nachts.</p>");
  await add("japanese", first!.key, "同期の手順", "<p>このページはドキュメントの同期について説明します。</p>");
  await add("english", second!.key, "Gazelle release notes", "<p>Gazelle ships faster indexes. Gazelle gazelle gazelle.</p>");
  await add("titleOnly", first!.key, "Gazelle", "<p>Short.</p>");
  connectorId = await configuredConnector(sim);
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  await driveRun(run.id);
}, 120_000);

afterAll(async () => {
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

const search = (q: string, extra: Record<string, string> = {}) => searchRecords(ZSearchQuery.parse({ q, ...extra }));
const recordIdOf = async (key: string) => (await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: ids[key] } })).id;

describe("search", () => {
  it("matches German words by their stem", async () => {
    const hits = (await search("Dokument synchronisierung")).hits;
    expect(hits[0]?.recordId).toBe(await recordIdOf("german"));
  });

  it("finds Japanese words inside unspaced sentences", async () => {
    const hits = (await search("ドキュメント")).hits;
    expect(hits.map((h) => h.recordId)).toContain(await recordIdOf("japanese"));
  });

  it("ranks a title match first and filters by space, type and date", async () => {
    const hits = (await search("gazelle")).hits;
    const [english, titleOnly] = [await recordIdOf("english"), await recordIdOf("titleOnly")];
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.recordId)
        .sort(),
    ).toEqual([english, titleOnly].sort());
    const englishSpace = hits.find((h) => h.recordId === english)!.space!;
    const titleOnlySpace = hits.find((h) => h.recordId === titleOnly)!.space!;
    expect(englishSpace.key).not.toBe(titleOnlySpace.key);
    expect((await search("gazelle", { space: englishSpace.key })).hits.map((h) => h.recordId)).toEqual([english]);
    expect((await search("gazelle", { type: "attachment" })).total).toBe(0);
    // Other seeded items may link to the Gazelle pages (the simulator renders links to any page).
    expect((await search("gazelle", { type: "page" })).hits.map((h) => h.recordId).sort()).toEqual(
      hits
        .filter((h) => h.type === "page")
        .map((h) => h.recordId)
        .sort(),
    );
    expect((await search("gazelle", { modifiedTo: "2000-01-01" })).total).toBe(0);
    expect((await search("gazelle", { modifiedFrom: "2000-01-01" })).total).toBe(hits.length);
  });

  it("rejects an end date before the start date with the field named", () => {
    const parsed = ZSearchQuery.safeParse({ q: "x", modifiedFrom: "2024-05-02", modifiedTo: "2024-05-01" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["modifiedTo"]);
  });
});

describe("All Records", () => {
  it("pages through every stored record, sorted and filtered on the server", async () => {
    const total = await db().contentItem.count({ where: { connectorId } });
    const first = await listRecords(ZRecordsQuery.parse({ pageSize: "10", sort: "title", dir: "asc" }));
    expect(first.total).toBe(total);
    expect(first.records).toHaveLength(10);
    const byDatabase = await db().contentItem.findMany({ where: { connectorId }, orderBy: [{ title: "asc" }, { id: "asc" }], take: 10, select: { id: true } });
    expect(first.records.map((r) => r.id)).toEqual(byDatabase.map((r) => r.id));
    const second = await listRecords(ZRecordsQuery.parse({ pageSize: "10", page: "2", sort: "title", dir: "asc" }));
    expect(second.records.map((r) => r.id).some((id) => first.records.some((r) => r.id === id))).toBe(false);

    const comments = await listRecords(ZRecordsQuery.parse({ type: "comment", pageSize: "200" }));
    expect(comments.total).toBe(await db().contentItem.count({ where: { connectorId, type: { in: ["footer_comment", "inline_comment"] } } }));
    expect(comments.records.every((r) => r.type.endsWith("_comment"))).toBe(true);

    const byTitle = await listRecords(ZRecordsQuery.parse({ q: "gazelle" }));
    expect(byTitle.total).toBe(2);
    const indexed = await listRecords(ZRecordsQuery.parse({ status: "indexed", pageSize: "1" }));
    expect(indexed.total).toBe(await db().contentItem.count({ where: { connectorId, indexStatus: "indexed" } }));
  });

  it("shows one record with its Markdown, metadata, attachments and comments", async () => {
    const withChildren = await db().contentItem.findFirstOrThrow({ where: { connectorId, type: "attachment", parentType: "page" } });
    const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: withChildren.parentId! } });
    const detail = await getRecord(page.id);
    expect(detail.markdown).toMatch(new RegExp(`^# ${page.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(detail.attachments.map((a) => a.id)).toContain(withChildren.id);
    expect(detail.space?.key).toBeTruthy();
    expect(detail.chunkCount).toBeGreaterThan(0);
    await expect(getRecord("no-such-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
