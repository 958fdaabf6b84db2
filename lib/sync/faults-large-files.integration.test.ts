/**
 * Fault suite: large attachments through the real worker process, with the heap flags of
 * `npm start` (256 MB). Files stream into the database in pieces and are read back as Buffers,
 * so a 45 MB PDF and a 30 MB DOCX sync and index; a file over the 50 MB cap is skipped with its
 * reason. Before decision 011 a 25 MB file exhausted the worker's heap.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { simAdmin, startSimulatorForApp } from "../../test/simulator";
import { configuredConnector } from "../../test/sync-fixtures";
import { peakRssMb, spawnWorker, waitFor } from "../../test/worker-process";
import { searchRecords, ZSearchQuery } from "../content";
import { db, disconnectDb } from "../db";
import { stopJobSender } from "../jobs";
import { requestSync } from ".";

const MB = 1024 * 1024;
let sim: Simulator;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  sim = await startSimulatorForApp({ seed: 31, spaces: 1, pages: 6 });
  await resetDatabase();
});
afterAll(async () => {
  worker?.kill("SIGKILL");
  await stopJobSender();
  await sim.close();
  await disconnectDb();
});

async function addLargeAttachment(pageId: number, fileName: string, mediaType: string, kind: string, sizeBytes: number, line: string) {
  const res = await simAdmin(sim, `/pages/${pageId}/attachments`, "POST", { fileName, mediaType, generate: { kind, sizeBytes, lines: [line] } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function syncToEnd(connectorId: string) {
  const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
  return waitFor(
    async () => {
      const r = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status !== "queued" && r.status !== "running" ? r : null;
    },
    240_000,
    "the run to finish",
  );
}

const hitTitles = async (q: string) => (await searchRecords(ZSearchQuery.parse({ q }))).hits.map((h) => h.title);

describe("large attachments in the worker process (256 MB heap)", () => {
  it("syncs and indexes a 45 MB PDF and a 30 MB DOCX, and skips a 60 MB file with its reason", { timeout: 300_000 }, async () => {
    // First the site as generated (small files only), for the worker's baseline peak memory.
    const connectorId = await configuredConnector(sim);
    worker = spawnWorker();
    expect((await syncToEnd(connectorId)).status).toBe("completed");
    const baseline = peakRssMb(worker.pid!);

    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    await addLargeAttachment(page.id, "survey-scan.pdf", "application/pdf", "pdf", 45 * MB, "Quokka survey results from the zebrafish lab");
    await addLargeAttachment(
      page.id,
      "handbook.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "docx",
      30 * MB,
      "Narwhal onboarding handbook",
    );
    const tooLarge = await addLargeAttachment(page.id, "server.log", "text/plain", "txt", 60 * MB, "Axolotl server log");

    const done = await syncToEnd(connectorId);
    const run = done;
    const peak = peakRssMb(worker.pid!);
    console.log(
      `[faults-large-files] worker peak RSS: ${baseline.toFixed(0)} MB syncing the generated site, ${peak.toFixed(0)} MB after a 45 MB PDF, a 30 MB DOCX and a skipped 60 MB file`,
    );

    // The worker never died: the same process finished the run.
    expect(worker.exitCode).toBeNull();
    expect(worker.signalCode).toBeNull();
    expect(done.status).toBe("completed");
    expect(await hitTitles("quokka zebrafish")).toEqual(["survey-scan.pdf"]);
    expect(await hitTitles("narwhal onboarding")).toEqual(["handbook.docx"]);
    const stored = await db().contentItem.findMany({
      where: { connectorId, title: { in: ["survey-scan.pdf", "handbook.docx"] } },
      select: { fileBytes: true, indexStatus: true },
    });
    expect(stored.map((s) => s.indexStatus)).toEqual(["indexed", "indexed"]);
    expect(stored.every((s) => (s.fileBytes ?? 0) > 29 * MB)).toBe(true);

    const reason = "Skipped: the file is 60 MB, over the 50 MB download limit";
    const errors = await db().syncItemError.findMany({ where: { runId: run.id, confluenceId: tooLarge } });
    expect(errors.map((e) => e.reason)).toEqual([reason]);
    expect((done.counters as Record<string, { skipped: number }>).attachment!.skipped).toBe(1);
    const record = await db().contentItem.findFirstOrThrow({
      where: { connectorId, confluenceId: tooLarge },
      select: { indexStatus: true, indexError: true, fileSetId: true },
    });
    expect(record).toEqual({ indexStatus: "skipped", indexError: reason, fileSetId: null });
    expect(await hitTitles("axolotl")).toEqual([]);
    // Nothing of the skipped file reached the database.
    const pieces = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM attachment_file_pieces p JOIN content_items c ON c.id = p.content_item_id WHERE c.confluence_id = ${tooLarge}`;
    expect(Number(pieces[0]!.n)).toBe(0);
  });
});
