import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeDocx, makeXlsx } from "../../../simulator/generate/files";
import { closeExtractors, extractAttachmentText } from "./index";

const run = promisify(execFile);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** A workbook officeparser needs well over a second for. */
const bigWorkbook = () => makeXlsx(Array.from({ length: 20_000 }, (_, i) => [`item ${i}`, String(i), "lorem ipsum", "12.5", `note ${i}`]));
const threadCount = () => readdirSync("/proc/self/task").length;

afterAll(closeExtractors);

describe("extraction limits", () => {
  it("skips a file over maxBytes, naming its size and the limit, without reading it", async () => {
    const result = await extractAttachmentText({ bytes: new Uint8Array(51 * 1024 * 1024), mediaType: "application/pdf", fileName: "huge.pdf" }, { ocr: false });
    expect(result).toEqual({ status: "skipped", reason: "File is 51 MB, over the 50 MB limit for text extraction" });
    // A file given by size and loader is not loaded at all when it is over the limit.
    let loaded = false;
    const load = async () => ((loaded = true), new Uint8Array(0));
    const bySize = await extractAttachmentText({ size: 51 * 1024 * 1024, load, mediaType: "application/pdf", fileName: "huge.pdf" }, { ocr: false });
    expect(bySize).toMatchObject({ status: "skipped" });
    expect(loaded).toBe(false);
    const small = await extractAttachmentText({ bytes: makeDocx(["x"]), mediaType: null, fileName: "a.docx" }, { ocr: false, maxBytes: 100 });
    expect(small).toMatchObject({ status: "skipped", reason: expect.stringMatching(/^File is \d+ bytes, over the 100 bytes limit/) });
  });

  it("reads only the start of a long text file, cut between characters, and says it was truncated", async () => {
    // 9 MB of a three-byte UTF-8 character: the cut falls inside one and must back off to its start.
    const result = await extractAttachmentText(
      { bytes: utf8("€".repeat(3_000_000)), mediaType: "text/plain", fileName: "long.txt" },
      { ocr: false, maxChars: 1000 },
    );
    expect(result).toEqual({ status: "extracted", method: "text", text: "€".repeat(1000), truncated: true });
  });

  it("stops a parse that runs past timeoutMs, reports it, and reads the next file normally", async () => {
    await extractAttachmentText({ bytes: utf8("warm up"), mediaType: null, fileName: "a.txt" }, { ocr: false });
    const bytes = bigWorkbook();
    const started = performance.now();
    const result = await extractAttachmentText({ bytes, mediaType: null, fileName: "big.xlsx" }, { ocr: false, timeoutMs: 100 });
    expect(result).toEqual({ status: "failed", reason: "Timed out after 0.1 s" });
    expect(performance.now() - started).toBeLessThan(1000);
    const next = await extractAttachmentText({ bytes: makeDocx(["After the timeout"]), mediaType: null, fileName: "a.docx" }, { ocr: false });
    expect(next).toMatchObject({ status: "extracted", text: "After the timeout" });
  }, 60_000);

  it("counts the time limit from when a file's parse starts, not while it waits its turn", async () => {
    const slow = extractAttachmentText({ bytes: bigWorkbook(), mediaType: null, fileName: "big.xlsx" }, { ocr: false });
    const quick = extractAttachmentText({ bytes: utf8("queued behind"), mediaType: null, fileName: "a.txt" }, { ocr: false, timeoutMs: 500 });
    expect((await slow).status).toBe("extracted");
    expect(await quick).toMatchObject({ status: "extracted", text: "queued behind" });
  }, 60_000);

  it("gives files handed over together each their own result", async () => {
    const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    const results = await Promise.all(
      names.map((name, i) =>
        extractAttachmentText(
          i % 2
            ? { bytes: makeDocx([`Document ${name}`]), mediaType: null, fileName: `${name}.docx` }
            : { bytes: utf8(`Note ${name}`), mediaType: "text/plain", fileName: `${name}.txt` },
          { ocr: false },
        ),
      ),
    );
    expect(results.map((r) => r.status === "extracted" && r.text)).toEqual(names.map((n, i) => (i % 2 ? `Document ${n}` : `Note ${n}`)));
  });

  it("closeExtractors fails the file being read, ends the threads, and a later call starts afresh", async () => {
    await closeExtractors();
    const before = threadCount();
    const reading = extractAttachmentText({ bytes: bigWorkbook(), mediaType: null, fileName: "big.xlsx" }, { ocr: false });
    await vi.waitUntil(() => threadCount() > before, { timeout: 10_000 });
    await closeExtractors();
    expect(await reading).toEqual({ status: "failed", reason: "Extraction was stopped: the extractors were closed" });
    expect(threadCount()).toBe(before);
    const again = await extractAttachmentText({ bytes: utf8("fresh thread"), mediaType: null, fileName: "a.txt" }, { ocr: false });
    expect(again).toMatchObject({ status: "extracted", text: "fresh thread" });
  });

  it("works in a process run like the sync worker (node --max-old-space-size=256 --import tsx), which then exits by itself", async () => {
    const fixture = path.join(import.meta.dirname, "node-process.fixture.ts");
    const { stdout } = await run(process.execPath, ["--max-old-space-size=256", "--import", "tsx", fixture, "--no-close"], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      timeout: 60_000,
    });
    const results = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(results.docx).toMatchObject({ status: "extracted", text: "Sync worker paragraph" });
    expect(results.ocr).toMatchObject({ status: "extracted", method: "ocr", text: "OFFLINE CHECK" });
  }, 60_000);
});
