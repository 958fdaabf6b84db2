/**
 * Width and height from an image's header, without decoding it: PNG, JPEG, GIF, BMP and WebP.
 * null for anything else (TIFF keeps its size in a directory anywhere in the file). Only used
 * to refuse huge pictures before OCR, whose decoded pixels live outside any heap limit; the
 * image-size package would do the same if it is ever added to the project.
 */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ascii = (at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
  if (b.length >= 24 && ascii(1, 3) === "PNG") return { width: v.getUint32(16), height: v.getUint32(20) };
  if (b.length >= 10 && ascii(0, 3) === "GIF") return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  if (b.length >= 26 && ascii(0, 2) === "BM") return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  if (b.length >= 30 && ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP") return webpDimensions(b, v, ascii(12, 4));
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegDimensions(b, v);
  return null;
}

function webpDimensions(b: Uint8Array, v: DataView, chunk: string) {
  const u24 = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
  if (chunk === "VP8X") return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === "VP8 ") return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

/** Walks the JPEG markers to the first start-of-frame (SOF0..SOF15, except DHT/JPG/DAC). */
function jpegDimensions(b: Uint8Array, v: DataView) {
  for (let at = 2; at + 9 < b.length;) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: v.getUint16(at + 7), height: v.getUint16(at + 5) };
    }
    at += 2 + v.getUint16(at + 2);
  }
  return null;
}
