import type { ExtractKind } from "./types";

const BY_MEDIA_TYPE: Record<string, ExtractKind> = {
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/plain": "text",
  "text/csv": "csv",
  "application/csv": "csv",
  "text/comma-separated-values": "csv",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "image/png": "image",
  "image/jpeg": "image",
  "image/jpg": "image",
  "image/pjpeg": "image",
  "image/gif": "image",
  "image/webp": "image",
  "image/tiff": "image",
  "image/bmp": "image",
  "image/x-ms-bmp": "image",
};

const BY_EXTENSION: Record<string, ExtractKind> = {
  pdf: "pdf",
  docx: "docx",
  pptx: "pptx",
  xlsx: "xlsx",
  txt: "text",
  text: "text",
  log: "text",
  csv: "csv",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  png: "image",
  jpg: "image",
  jpeg: "image",
  gif: "image",
  webp: "image",
  tif: "image",
  tiff: "image",
  bmp: "image",
};

/**
 * Which reader would handle a file, or null. A specific media type wins; anything we do not
 * know (Confluence often sends application/octet-stream, or application/zip for Office files)
 * falls back to the file name's extension.
 */
export function extractableKind(mediaType: string | null, fileName: string): ExtractKind | null {
  const type = (mediaType ?? "").split(";")[0].trim().toLowerCase();
  const byType = BY_MEDIA_TYPE[type];
  if (byType) return byType;
  const dot = fileName.lastIndexOf(".");
  if (dot < 0) return null;
  return (
    BY_EXTENSION[
      fileName
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    ] ?? null
  );
}
