import { getResolvedPDFJS, type getDocumentProxy } from "unpdf";
import { recognizeImage } from "./ocr-image";

/** Logos, bullets and rules are not worth OCR time. */
const MIN_SIDE_PX = 48;

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfImage = { width: number; height: number; kind: number; data?: Uint8Array | Uint8ClampedArray };

/**
 * OCR for a PDF without a text layer. A scanned PDF is one picture per page, so we OCR the
 * pictures the pages paint rather than rendering pages: rendering needs a native canvas
 * (@napi-rs/canvas), while the decoded pictures come straight from pdf.js, pure JavaScript.
 */
export async function ocrPdfImages(pdf: PDFDocumentProxy): Promise<{ text: string; images: number }> {
  const { OPS } = await getResolvedPDFJS();
  const pages: string[] = [];
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      let image: PdfImage | null = null;
      if (fn === OPS.paintInlineImageXObject) image = ops.argsArray[i][0];
      else if (fn === OPS.paintImageXObject) {
        const key: string = ops.argsArray[i][0];
        const store = key.startsWith("g_") ? page.commonObjs : page.objs;
        image = await new Promise<PdfImage | null>((resolve) => store.get(key, resolve));
      }
      const pnm = image && toPnm(image);
      if (!pnm) continue;
      images++;
      const text = (await recognizeImage(pnm)).trim();
      if (text) pages.push(text);
    }
    page.cleanup();
  }
  return { text: pages.join("\n\n"), images };
}

/**
 * pdf.js's decoded pixels → PNM, the simplest format tesseract reads: a text header, then the
 * raw bytes. pdf.js kinds: 1 = 1 bit per pixel (1 = white), 2 = RGB, 3 = RGBA.
 */
function toPnm({ width, height, kind, data }: PdfImage): Uint8Array | null {
  if (!data || width < MIN_SIDE_PX || height < MIN_SIDE_PX) return null;
  const header = (magic: string) => Buffer.from(`${magic}\n${width} ${height}\n${magic === "P4" ? "" : "255\n"}`, "latin1");
  if (kind === 1) {
    // PBM counts 1 as black, the opposite of pdf.js.
    const bits = Buffer.from(data);
    for (let i = 0; i < bits.length; i++) bits[i] = ~bits[i] & 0xff;
    return Buffer.concat([header("P4"), bits]);
  }
  if (kind === 2) return Buffer.concat([header("P6"), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  if (kind === 3) {
    const rgb = Buffer.alloc(width * height * 3);
    for (let p = 0, q = 0; q < rgb.length; p += 4, q += 3) {
      // Transparent pixels are paper: composite onto white.
      const a = data[p + 3] / 255;
      rgb[q] = data[p] * a + 255 * (1 - a);
      rgb[q + 1] = data[p + 1] * a + 255 * (1 - a);
      rgb[q + 2] = data[p + 2] * a + 255 * (1 - a);
    }
    return Buffer.concat([header("P6"), rgb]);
  }
  return null;
}
