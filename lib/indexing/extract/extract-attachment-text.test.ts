import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeDocx, makePdf, makePptx, makeXlsx } from "../../../simulator/generate/files";
import { closeExtractors, extractAttachmentText, type ExtractResult } from "./index";

const utf8 = (s: string) => new TextEncoder().encode(s);
const extract = (bytes: Uint8Array, fileName: string, mediaType: string | null = null) => extractAttachmentText({ bytes, mediaType, fileName }, { ocr: false });

function textOf(result: ExtractResult): string {
  if (result.status !== "extracted") throw new Error(`expected text, got ${JSON.stringify(result)}`);
  return result.text;
}

afterAll(closeExtractors);

describe("extractAttachmentText on real files", () => {
  it("reads the text layer of a PDF", async () => {
    const result = await extract(makePdf(["Quarterly figures for Zanzibar", "Second line"]), "q.pdf", "application/pdf");
    expect(result).toMatchObject({ status: "extracted", method: "pdf", truncated: false });
    expect(textOf(result)).toContain("Quarterly figures for Zanzibar");
    expect(textOf(result)).toContain("Second line");
  });

  it("reads the paragraphs of a Word document", async () => {
    const result = await extract(
      makeDocx(["Première ligne", "Release notes for Orion"]),
      "notes.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(result).toMatchObject({ status: "extracted", method: "docx" });
    expect(textOf(result).split("\n")).toEqual(["Première ligne", "Release notes for Orion"]);
  });

  it("reads a .docx that Confluence labels application/octet-stream", async () => {
    const result = await extract(makeDocx(["Octet stream body"]), "Upload.DOCX", "application/octet-stream");
    expect(result).toMatchObject({ status: "extracted", method: "docx", text: "Octet stream body" });
  });

  it("reads every slide of a PowerPoint presentation", async () => {
    const result = await extract(makePptx([["Roadmap 2025", "Alpha & beta"], ["Second slide: Pegasus"]]), "deck.pptx");
    expect(result).toMatchObject({ status: "extracted", method: "pptx" });
    expect(textOf(result)).toContain("Roadmap 2025");
    expect(textOf(result)).toContain("Alpha & beta");
    expect(textOf(result)).toContain("Second slide: Pegasus");
  });

  it("keeps a spreadsheet's rows on lines and cells tab-separated", async () => {
    const result = await extract(
      makeXlsx([
        ["Item", "Quantity"],
        ["Widget <b>", "12.5"],
        ["Gadget", "3"],
      ]),
      "stock.xlsx",
    );
    expect(result).toMatchObject({ status: "extracted", method: "xlsx" });
    expect(textOf(result).split("\n")).toEqual(["Sheet: Sheet1", "Item\tQuantity", "Widget <b>\t12.5", "Gadget\t3"]);
  });

  it("reads plain text, CSV and Markdown as UTF-8 without the BOM", async () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(await extract(new Uint8Array([...bom, ...utf8("Grüße aus Köln\r\n")]), "a.txt", "text/plain")).toEqual({
      status: "extracted",
      method: "text",
      text: "Grüße aus Köln",
      truncated: false,
    });
    expect(textOf(await extract(utf8("item,qty\nwidget,3\n"), "a.csv", "text/csv"))).toBe("item,qty\nwidget,3");
    expect(await extract(utf8("# Title\n\n- point"), "readme.md")).toMatchObject({ method: "markdown", text: "# Title\n\n- point" });
  });

  it("turns HTML into text without scripts or styles", async () => {
    const html = "<html><head><style>b{}</style></head><body><p>Hello <b>there</b></p><script>evil()</script></body></html>";
    expect(await extract(utf8(html), "page.html", "text/html")).toMatchObject({ method: "html", text: "Hello there" });
  });

  it("cuts text at maxChars and says so", async () => {
    const result = await extractAttachmentText(
      { bytes: utf8("abcdefghij".repeat(10)), mediaType: "text/plain", fileName: "a.txt" },
      { ocr: false, maxChars: 25 },
    );
    expect(result).toEqual({ status: "extracted", method: "text", text: "abcdefghijabcdefghijabcde", truncated: true });
  });
});

describe("extractAttachmentText on files it cannot or should not read", () => {
  it("fails a corrupt PDF with a reason, without throwing", async () => {
    const result = await extract(randomBytes(4096), "broken.pdf", "application/pdf");
    expect(result).toEqual({ status: "failed", reason: "Could not read the PDF: Invalid PDF structure." });
  });

  it("fails a truncated PDF and corrupt Office files with a reason", async () => {
    expect(await extract(makePdf(["Hello"]).slice(0, 200), "cut.pdf")).toMatchObject({ status: "failed" });
    for (const name of ["broken.docx", "broken.pptx", "broken.xlsx"]) {
      const result = await extract(randomBytes(2048), name);
      expect(result.status).toBe("failed");
      expect(result.status === "failed" && result.reason).toMatch(/^Could not read the (Word|PowerPoint|Excel) .+: .*corrupt/);
    }
  });

  it("fails a Word document that is really a workbook, naming the missing part", async () => {
    const result = await extract(makeXlsx([["a"]]), "mislabelled.docx");
    expect(result).toMatchObject({ status: "failed" });
    expect(result.status === "failed" && result.reason).toContain("word/document.xml");
  });

  it("fails binary data that claims to be text", async () => {
    // Every byte value four times, in a scrambled order: binary data every run (random bytes
    // without a NUL, about one run in fifty, could pass for text and fail this test by chance).
    const binary = new Uint8Array(Array.from({ length: 1024 }, (_, i) => (i * 197 + 13) % 256));
    expect(await extract(binary, "data.txt", "text/plain")).toEqual({
      status: "failed",
      reason: "The file looks like binary data, not text",
    });
  });

  it("skips unsupported types, empty files and images when OCR is off", async () => {
    expect(await extract(utf8("x"), "movie.mp4", "video/mp4")).toEqual({
      status: "skipped",
      reason: 'Unsupported file type (video/mp4, "movie.mp4")',
    });
    expect(await extract(new Uint8Array(), "empty.pdf")).toEqual({ status: "skipped", reason: "Empty file" });
    expect(await extract(randomBytes(100), "photo.png", "image/png")).toEqual({
      status: "skipped",
      reason: "OCR is off for this connector",
    });
  });
});
