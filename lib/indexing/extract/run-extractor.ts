import { trimEndBlanks } from "../markdown/line-syntax";
import { decodeText, NotTextError } from "./decode-text";
import { imageDimensions } from "./image-dimensions";
import { MAX_IMAGE_PIXELS, MAX_XML_ELEMENTS } from "./limits";
import type { ReadOutcome } from "./read-outcome";
import type { ExtractKind, ExtractResult } from "./types";

export type ExtractJob = { id: number; kind: ExtractKind; bytes: Uint8Array; ocr: boolean; maxChars: number };

/** Runs inside the extractor thread: one file → a result. Never throws. */
export async function runExtractor(job: ExtractJob): Promise<ExtractResult> {
  try {
    const outcome = await read(job);
    if (outcome.status !== "extracted") return outcome;
    const text = tidy(outcome.text);
    const cut = cutAt(text, job.maxChars);
    const truncated = cut < text.length || outcome.truncated === true;
    return { status: "extracted", method: outcome.method, text: text.slice(0, cut), truncated };
  } catch (err) {
    return { status: "failed", reason: describeError(job.kind, err) };
  }
}

// Readers are imported when first needed: pdf.js, officeparser and tesseract.js each cost
// tens of MB and a few hundred ms to load, and many connectors only ever see some of them.
async function read({ kind, bytes, ocr, maxChars }: ExtractJob): Promise<ReadOutcome> {
  switch (kind) {
    case "pdf":
      return (await import("./read-pdf")).readPdf(bytes, ocr);
    case "docx":
    case "pptx":
      return { status: "extracted", text: await (await import("./read-office")).readDocument(bytes, kind), method: kind };
    case "xlsx":
      return { status: "extracted", method: "xlsx", ...(await (await import("./read-office")).readSpreadsheet(bytes)) };
    case "text":
    case "csv":
    case "markdown": {
      const head = textHead(bytes, maxChars);
      return { status: "extracted", text: decodeText(head), method: kind, truncated: head.byteLength < bytes.byteLength };
    }
    case "html":
      return { status: "extracted", text: (await import("./html-to-text")).htmlToText(decodeText(bytes)), method: "html" };
    case "image": {
      if (!ocr) return { status: "skipped", reason: "OCR is off for this connector" };
      const size = imageDimensions(bytes);
      if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
        const limit = `${MAX_IMAGE_PIXELS / 1_000_000} million`;
        return { status: "skipped", reason: `Image is too large for OCR: ${size.width} × ${size.height} pixels (limit ${limit})` };
      }
      return { status: "extracted", text: await (await import("./ocr-image")).recognizeImage(bytes), method: "ocr" };
    }
  }
}

/**
 * The start of a text file that holds at least `maxChars` characters: no encoding we read takes
 * more than 3 bytes per UTF-16 unit, so the rest could only be cut off later. Decoding and tidying
 * a 45 MB log whole would take several times its size in the thread's heap. The cut never splits
 * a UTF-8 sequence (or a UTF-16 unit), so the encoding is still recognised.
 */
function textHead(bytes: Uint8Array, maxChars: number): Uint8Array {
  const limit = maxChars * 3 + 4;
  if (bytes.byteLength <= limit) return bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let end = limit;
  if (utf16) end -= end % 2;
  else while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** Same line endings everywhere, no trailing blanks; the text itself is left alone. */
function tidy(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").map(trimEndBlanks).join("\n").trim();
}

/** Where to cut so that a surrogate pair (emoji, rare CJK) is never split in half. */
function cutAt(text: string, maxChars: number): number {
  if (text.length <= maxChars) return text.length;
  const code = text.charCodeAt(maxChars - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
}

const LABEL: Record<ExtractKind, string> = {
  pdf: "PDF",
  docx: "Word document",
  pptx: "PowerPoint presentation",
  xlsx: "Excel workbook",
  text: "text file",
  csv: "CSV file",
  markdown: "Markdown file",
  html: "HTML file",
  image: "image",
};

/** A reason a person can act on, from whatever the parser threw. */
export function describeError(kind: ExtractKind, err: unknown): string {
  if (err instanceof NotTextError) return err.message;
  const name = err instanceof Error ? err.name : "";
  const raw = err instanceof Error ? err.message : String(err);
  if (name === "PasswordException" || /password|encrypt/i.test(raw)) return `The ${LABEL[kind]} is password-protected`;
  if (/XML element limit exceeded/i.test(raw)) {
    return `The ${LABEL[kind]} is too large to read (over ${MAX_XML_ELEMENTS.toLocaleString("en")} XML elements)`;
  }
  const message = raw
    .replace(/^\[OfficeParser\]:\s*/, "")
    .replace(/\s*If you are sure it is fine, please create a ticket.*$/s, "")
    .replace(/^Error:\s*/, "")
    .trim();
  const detail = message.length > 300 ? `${message.slice(0, 300)}…` : message;
  return `Could not read the ${LABEL[kind]}: ${detail || "unknown error"}`;
}
