export type ExtractInput = { bytes: Uint8Array; mediaType: string | null; fileName: string };

export type ExtractOptions = {
  /** Whether this connector OCRs images and scanned PDFs. */
  ocr: boolean;
  /** Larger files are skipped without being read. Default 25 MB. */
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

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CHARS = 1_000_000;
