import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { makeTextPng } from "../../simulator/generate/files";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { DEFAULT_CONNECTOR_CONFIG, updateConnector } from "../connectors";
import { db } from "../db";
import { requestSync } from "../sync";
import { indexSelectedRecords, requestReindex, searchRecords, ZSearchQuery } from "../content";
import { runIndexSlice } from ".";

let sim: Simulator;
useSyncTestSite({ seed: 31, spaces: 2, pages: 24 }, (started) => (sim = started));
const admin = async (path: string, method: string, body?: unknown) => {
  const response = await simAdmin(sim, path, method, body);
  expect(response.ok, `${method} ${path}`).toBe(true);
  return (await response.json()) as { id: string };
};

const spaceKey = () => [...sim.store.spaces.values()].find((s) => s.status === "current" && s.type === "global")!.key;
const search = (q: string, extra: Record<string, string> = {}) => searchRecords(ZSearchQuery.parse({ q, ...extra }));

async function syncToEnd(connectorId: string, kind: "full" | "incremental") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
  const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id }, include: { itemErrors: true } });
  expect(finished.status).toBe("completed");
  return finished;
}

/** A page with words found nowhere else on the site, a code block and a corrupt PDF and a text file attached. */
let pagesAdded = 0;
async function addMarkedPage() {
  // Titles are unique within a space, and the simulator lives across this file's tests.
  const title = `Quokkafish runbook ${++pagesAdded}`;
  const page = await admin("/pages", "POST", {
    spaceKey: spaceKey(),
    title,
    body:
      "<h2>Failover</h2><p>The quokkafish protocol keeps replicas in step.</p>" +
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[kubectl rollout restart deploy/quokka]]></ac:plain-text-body></ac:structured-macro>',
  });
  await admin(`/pages/${page.id}/attachments`, "POST", {
    fileName: "notes.txt",
    mediaType: "text/plain",
    text: "Xylophonic tuning notes for the quokkafish rig.",
  });
  await admin(`/pages/${page.id}/attachments`, "POST", {
    fileName: "broken.pdf",
    mediaType: "application/pdf",
    contentBase64: Buffer.from("%PDF-1.7 this is not really a pdf").toString("base64"),
  });
  await admin(`/pages/${page.id}/comments`, "POST", { body: "<p>Marsupialfin comment: approved.</p>", kind: "footer" });
  return { pageId: page.id, title };
}

describe("the indexing stage of a sync", () => {
  it("converts and indexes every item; search finds a page by a body word, with its breadcrumb and a highlighted snippet", async () => {
    const { pageId, title } = await addMarkedPage();
    const connectorId = await configuredConnector(sim);
    const run = await syncToEnd(connectorId, "full");

    const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: pageId } });
    expect(page.indexStatus).toBe("indexed");
    expect(page.markdown?.startsWith(`# ${title}\n`)).toBe(true);
    expect(page.markdown).toContain("kubectl rollout restart deploy/quokka");
    const pending = await db().contentItem.count({ where: { connectorId, indexStatus: "pending" } });
    expect(pending).toBe(0);
    const pages = await db().contentItem.count({ where: { connectorId, type: "page" } });
    expect((run.counters as Record<string, { indexed: number }>).page!.indexed).toBe(pages);

    const result = await search("quokkafish protocol");
    expect(result.hits[0]!.recordId).toBe(page.id);
    expect(result.hits[0]!.breadcrumb[0]).toBe(sim.store.spaceByKey.get(spaceKey())!.name);
    expect(result.hits[0]!.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain("quokkafish");
    expect(result.hits[0]!.url).toBe(page.webUrl);

    // The text attachment is its own record; the corrupt PDF failed without stopping the run.
    const attachmentHit = (await search("xylophonic")).hits[0]!;
    expect(attachmentHit.type).toBe("attachment");
    expect(attachmentHit.breadcrumb.at(-1)).toBe(title);
    const broken = await db().contentItem.findFirstOrThrow({ where: { connectorId, title: "broken.pdf" } });
    expect(broken.indexStatus).toBe("failed");
    expect(broken.indexError).toBeTruthy();
    expect(run.itemErrors.some((e) => e.reason.startsWith("indexing:") && e.confluenceId === broken.confluenceId)).toBe(true);

    const comment = (await search("marsupialfin")).hits[0]!;
    expect(comment.title).toBe(`Comment on ${title}`);
  });

  it("an edit is re-indexed by the next incremental run, and a trashed page leaves the index", async () => {
    const { pageId, title } = await addMarkedPage();
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    await admin(`/pages/${pageId}`, "PUT", { body: "<p>Now about the platypodal method.</p>" });
    await syncToEnd(connectorId, "incremental");
    expect((await search("platypodal")).hits.map((h) => h.title)).toEqual([title]);
    // Earlier tests' pages (still on the site) keep the old words; this page must not.
    expect((await search("replicas in step")).hits.map((h) => h.title)).not.toContain(title);

    await admin(`/pages/${pageId}/trash`, "POST");
    await syncToEnd(connectorId, "incremental");
    expect((await search("platypodal")).total).toBe(0);
  });

  it("respects the indexing toggles: comments of pages are skipped with the reason", async () => {
    await addMarkedPage();
    const connectorId = await configuredConnector(sim, { indexing: { ...DEFAULT_CONNECTOR_CONFIG.indexing, pageComments: false } });
    await syncToEnd(connectorId, "full");
    expect((await search("marsupialfin")).total).toBe(0);
    const comment = await db().contentItem.findFirstOrThrow({ where: { connectorId, type: "footer_comment", indexStatus: "skipped" } });
    expect(comment.indexError).toBe("Indexing of page comments is off for this connector.");
  });

  it("reads the text of an image attachment only when the connector's Use OCR toggle is on", async () => {
    const { pageId } = await addMarkedPage();
    await admin(`/pages/${pageId}/attachments`, "POST", {
      fileName: "whiteboard.png",
      mediaType: "image/png",
      contentBase64: Buffer.from(makeTextPng(["MILESTONE"])).toString("base64"),
    });
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    const skipped = await db().contentItem.findFirstOrThrow({ where: { connectorId, title: "whiteboard.png" } });
    expect(skipped.indexStatus).toBe("skipped");
    expect(skipped.indexError).toBe("OCR is off for this connector");

    // Turning OCR on and rebuilding the index reads the image from the stored file.
    await updateConnector(connectorId, { config: { ...DEFAULT_CONNECTOR_CONFIG, indexing: { ...DEFAULT_CONNECTOR_CONFIG.indexing, useOcr: true } } });
    await requestReindex(connectorId);
    while ((await runIndexSlice(connectorId)) === "continue");
    const hits = (await search("milestone", { type: "attachment" })).hits;
    expect(hits.map((h) => h.title)).toContain("whiteboard.png");
  });

  it("with Manual indexing, only the records an admin selects are indexed", async () => {
    const { pageId } = await addMarkedPage();
    const connectorId = await configuredConnector(sim, { indexing: { ...DEFAULT_CONNECTOR_CONFIG.indexing, manualIndexing: true } });
    await syncToEnd(connectorId, "full");
    expect(await db().contentItem.count({ where: { connectorId, indexStatus: { not: "pending" } } })).toBe(0);
    expect((await search("quokkafish")).total).toBe(0);

    const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: pageId } });
    await indexSelectedRecords([page.id]);
    expect(await runIndexSlice(connectorId)).toBe("done");
    expect((await search("quokkafish")).hits.map((h) => h.recordId)).toEqual([page.id]);
    expect(await db().contentItem.count({ where: { connectorId, indexStatus: "indexed" } })).toBe(1);
  });

  it("Rebuild index re-converts everything from the stored bodies, without calling Confluence and without duplicate chunks", async () => {
    await addMarkedPage();
    const connectorId = await configuredConnector(sim);
    await syncToEnd(connectorId, "full");
    const chunksBefore = await db().searchChunk.count({ where: { connectorId } });
    const indexedBefore = await db().contentItem.count({ where: { connectorId, indexStatus: "indexed" } });
    await simAdmin(sim, "/stats/reset", "POST");

    const { pending } = await requestReindex(connectorId);
    expect(pending).toBeGreaterThan(indexedBefore - 1);
    while ((await runIndexSlice(connectorId, { budgetMs: 0 })) === "continue");

    expect(await db().contentItem.count({ where: { connectorId, indexStatus: "indexed" } })).toBe(indexedBefore);
    expect(await db().searchChunk.count({ where: { connectorId } })).toBe(chunksBefore);
    const stats = (await (await simAdmin(sim, "/stats", "GET")).json()) as { totalRequests: number };
    expect(stats.totalRequests).toBe(0);
  });
});
