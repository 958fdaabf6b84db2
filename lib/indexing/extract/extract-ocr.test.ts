import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makePdf, makePng, makeTextPng } from "../../../simulator/generate/files";
import { closeExtractors, extractAttachmentText } from "./index";
import { makeScannedPdf } from "./scanned-pdf.fixture";

const run = promisify(execFile);
const threadCount = () => readdirSync("/proc/self/task").length;
const ocrOn = { ocr: true };

afterAll(closeExtractors);

describe("OCR", () => {
  it("reads the words in a PNG image", async () => {
    const png = makeTextPng(["QUARTERLY REPORT", "HELLO WORLD"]);
    const result = await extractAttachmentText({ bytes: png, mediaType: "image/png", fileName: "scan.png" }, ocrOn);
    expect(result).toMatchObject({ status: "extracted", method: "ocr", truncated: false });
    expect(result.status === "extracted" && result.text).toContain("QUARTERLY REPORT");
    expect(result.status === "extracted" && result.text).toContain("HELLO WORLD");
  });

  it("reads an image sent as octet-stream by its extension", async () => {
    const result = await extractAttachmentText({ bytes: makeTextPng(["MILESTONE"]), mediaType: "application/octet-stream", fileName: "IMG.PNG" }, ocrOn);
    expect(result).toMatchObject({ status: "extracted", method: "ocr", text: "MILESTONE" });
  });

  it("reads a scanned PDF (no text layer) page by page, greyscale or black-and-white", async () => {
    for (const bits of [8, 1] as const) {
      const pdf = makeScannedPdf(makeTextPng(["SCANNED CONTRACT", "HELLO WORLD"], 8), bits);
      const result = await extractAttachmentText({ bytes: pdf, mediaType: "application/pdf", fileName: "scan.pdf" }, ocrOn);
      expect(result).toMatchObject({ status: "extracted", method: "ocr" });
      expect(result.status === "extracted" && result.text).toContain("HELLO WORLD");
    }
  });

  it("prefers a PDF's own text layer to OCR", async () => {
    const result = await extractAttachmentText({ bytes: makePdf(["Typed text"]), mediaType: "application/pdf", fileName: "a.pdf" }, ocrOn);
    expect(result).toMatchObject({ status: "extracted", method: "pdf", text: "Typed text" });
  });

  it("skips a scanned PDF when OCR is off", async () => {
    const pdf = makeScannedPdf(makeTextPng(["HELLO"]));
    expect(await extractAttachmentText({ bytes: pdf, mediaType: "application/pdf", fileName: "scan.pdf" }, { ocr: false })).toEqual({
      status: "skipped",
      reason: "Scanned PDF: no text layer, and OCR is off for this connector",
    });
  });

  it("skips an image too large to OCR, judged from its header before decoding", async () => {
    const png = makePng(8, 8, 0);
    new DataView(png.buffer).setUint32(16, 10_000);
    new DataView(png.buffer).setUint32(20, 8_000);
    expect(await extractAttachmentText({ bytes: png, mediaType: "image/png", fileName: "poster.png" }, ocrOn)).toEqual({
      status: "skipped",
      reason: "Image is too large for OCR: 10000 × 8000 pixels (limit 40 million)",
    });
  });

  it("fails an unreadable image with a reason", async () => {
    const png = makeTextPng(["HELLO"]);
    const result = await extractAttachmentText({ bytes: png.slice(0, png.length / 2), mediaType: "image/png", fileName: "cut.png" }, ocrOn);
    expect(result).toEqual({ status: "failed", reason: "Could not read the image: Error attempting to read image." });
  });

  it("stops OCR that runs past timeoutMs, leaving no threads behind", async () => {
    await closeExtractors();
    const before = threadCount();
    await extractAttachmentText({ bytes: makeTextPng(["WARM UP"]), mediaType: "image/png", fileName: "a.png" }, ocrOn);
    expect(threadCount()).toBeGreaterThanOrEqual(before + 2); // extractor thread + tesseract's
    const page = makeTextPng(Array.from({ length: 40 }, (_, i) => `LINE ${i} OF A LONG PAGE OF TEXT TO READ`));
    const result = await extractAttachmentText({ bytes: page, mediaType: "image/png", fileName: "page.png" }, { ocr: true, timeoutMs: 200 });
    expect(result).toEqual({ status: "failed", reason: "Timed out after 0.2 s" });
    expect(threadCount()).toBe(before);
    const next = await extractAttachmentText({ bytes: makeTextPng(["AFTERWARDS"]), mediaType: "image/png", fileName: "b.png" }, ocrOn);
    expect(next).toMatchObject({ status: "extracted", text: "AFTERWARDS" });
  }, 60_000);

  it("needs no network: OCR works in a process with no network interfaces at all", async (ctx) => {
    // unshare -rn gives the process its own empty network namespace; where that is not
    // allowed (some containers) there is nothing to check with.
    const probe = await run("unshare", ["-rn", "true"]).then(
      () => true,
      () => false,
    );
    if (!probe) ctx.skip();
    const fixture = path.join(import.meta.dirname, "node-process.fixture.ts");
    const root = path.resolve(import.meta.dirname, "../../..");
    const { stdout } = await run("unshare", ["-rn", process.execPath, "--import", "tsx", fixture], { cwd: root, timeout: 60_000 });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!).ocr).toMatchObject({ status: "extracted", text: "OFFLINE CHECK" });
    // …and tesseract.js did not leave a copy of the model in the working directory.
    expect(existsSync(path.join(root, "eng.traineddata"))).toBe(false);
  }, 60_000);
});
