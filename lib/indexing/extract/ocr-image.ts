import { createRequire } from "node:module";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";

/**
 * One tesseract.js worker per extractor thread, created on first use and kept for the next
 * image (loading the English model costs about half a second). It lives inside the extractor
 * thread, so when a timeout terminates that thread the OCR worker goes with it.
 */
let ocrWorker: Promise<Worker> | null = null;

/** The bundled English model from @tesseract.js-data/eng: read from disk, never fetched. */
function bundledLangPath(): string {
  const pkg = createRequire(import.meta.url).resolve("@tesseract.js-data/eng/package.json");
  // best_int is the LSTM-only model that tesseract.js picks by default (OEM.LSTM_ONLY).
  return path.join(path.dirname(pkg), "4.0.0_best_int");
}

function startOcrWorker(): Promise<Worker> {
  return createWorker("eng", OEM.LSTM_ONLY, {
    // A local path (not a URL) makes tesseract.js read the file instead of fetching it, and
    // cacheMethod "none" stops it writing a copy of the model into the working directory.
    langPath: bundledLangPath(),
    gzip: true,
    cacheMethod: "none",
    logger: () => {},
    errorHandler: () => {},
  });
}

/** Text in an encoded image (PNG, JPEG, WebP, BMP, TIFF, GIF, or PNM from a PDF page). */
export async function recognizeImage(image: Uint8Array): Promise<string> {
  ocrWorker ??= startOcrWorker();
  let worker: Worker;
  try {
    worker = await ocrWorker;
  } catch (err) {
    ocrWorker = null;
    throw err;
  }
  const { data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
  return data.text;
}
