import { z } from "zod";
import { extractableKind } from "./detect-kind";
import { ExtractorThread } from "./extractor-thread";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT_MS, type ExtractInput, type ExtractOptions, type ExtractResult } from "./types";

const ZExtractOptions = z.object({
  ocr: z.boolean(),
  maxBytes: z.number().int().positive().default(DEFAULT_MAX_BYTES),
  timeoutMs: z
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .default(DEFAULT_TIMEOUT_MS),
  maxChars: z.number().int().nonnegative().default(DEFAULT_MAX_CHARS),
});

const thread = new ExtractorThread();

/**
 * The text of one attachment, for search. Cheap checks (type, size, OCR setting) happen here;
 * parsing happens in a separate thread under a time and memory limit. Problems with the file
 * come back as "skipped" or "failed" with a reason, never as a thrown error; only invalid
 * options throw.
 */
export async function extractAttachmentText(input: ExtractInput, options: ExtractOptions): Promise<ExtractResult> {
  const { ocr, maxBytes, timeoutMs, maxChars } = ZExtractOptions.parse(options);
  const kind = extractableKind(input.mediaType, input.fileName);
  if (!kind) return { status: "skipped", reason: `Unsupported file type (${input.mediaType || "no media type"}, "${input.fileName}")` };
  const size = "bytes" in input ? input.bytes.byteLength : input.size;
  if (size === 0) return { status: "skipped", reason: "Empty file" };
  if (size > maxBytes) {
    return { status: "skipped", reason: `File is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for text extraction` };
  }
  if (kind === "image" && !ocr) return { status: "skipped", reason: "OCR is off for this connector" };
  try {
    const source = "bytes" in input ? { bytes: input.bytes } : { load: input.load };
    return await thread.run({ kind, ocr, maxChars }, source, timeoutMs);
  } catch (err) {
    return { status: "failed", reason: `Unexpected error: ${(err as Error).message}` };
  }
}

/** Ends the extractor thread (and the OCR worker inside it) so the process can exit. */
export async function closeExtractors(): Promise<void> {
  await thread.stop("Extraction was stopped: the extractors were closed");
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} bytes`;
}
