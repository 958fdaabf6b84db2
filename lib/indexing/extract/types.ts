/**
 * The file, either as bytes or as its size and a loader. With a loader, the bytes are read only
 * once the cheap checks pass and the file's turn in the extractor queue has come (so a process
 * holds one file at a time), and the loaded buffer is moved into the thread, not copied.
 */
export type ExtractInput = { mediaType: string | null; fileName: string } & ({ bytes: Uint8Array } | { size: number; load: () => Promise<Uint8Array> });

export type ExtractOptions = {
  /** Whether this connector OCRs images and scanned PDFs. */
  ocr: boolean;
  /** Larger files are skipped without being read. Default 50 MB (the download limit). */
  maxBytes?: number;
  /** Time one file may take once its parse starts (queueing not counted). Default 30 s. */
  timeoutMs?: number;
  /** Longer text is cut here and marked `truncated`. Default 1,000,000 characters. */
  maxChars?: number;
};

export type ExtractMethod = "pdf" | "docx" | "pptx" | "xlsx" | "text" | "csv" | "markdown" | "html" | "ocr";

export type ExtractResult =
  | { status: "extracted"; text: string; method: ExtractMethod; truncated: boolean }
  | { status: "skipped"; reason: string }
  | { status: "failed"; reason: string };

/** Which reader handles a file; "image" is read only by OCR. */
export type ExtractKind = "pdf" | "docx" | "pptx" | "xlsx" | "text" | "csv" | "markdown" | "html" | "image";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CHARS = 1_000_000;
