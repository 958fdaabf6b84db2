import { extractText, getDocumentProxy } from "unpdf";
import { MAX_IMAGE_PIXELS } from "./limits";
import { ocrPdfImages } from "./ocr-pdf-images";
import type { ReadOutcome } from "./read-outcome";

export async function readPdf(bytes: Uint8Array, ocr: boolean): Promise<ReadOutcome> {
  const pdf = await getDocumentProxy(bytes, {
    verbosity: 0, // pdf.js warns on stdout about every odd font; those are not our errors
    maxImageSize: MAX_IMAGE_PIXELS,
    isOffscreenCanvasSupported: false, // hand us decoded pixels, not ImageBitmaps
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    if (text.trim()) return { status: "extracted", text, method: "pdf" };
    if (!ocr) return { status: "skipped", reason: "Scanned PDF: no text layer, and OCR is off for this connector" };
    const scanned = await ocrPdfImages(pdf);
    // No text and no pictures: a blank PDF, which has honestly no text.
    if (scanned.images === 0) return { status: "extracted", text: "", method: "pdf" };
    return { status: "extracted", text: scanned.text, method: "ocr" };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
