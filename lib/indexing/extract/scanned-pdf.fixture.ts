import { deflateSync, inflateSync } from "node:zlib";

/**
 * Test fixture: a one-page PDF with no text layer, only a picture of text, like a scanned page.
 * Takes a greyscale PNG from makeTextPng. With `bits: 8` the PNG's own zlib stream goes in
 * unchanged (PDF's FlateDecode understands PNG row predictors); with `bits: 1` the picture is
 * stored black-and-white, one bit per pixel, as fax-mode office scanners do.
 */
export function makeScannedPdf(png: Uint8Array, bits: 1 | 8 = 8): Uint8Array {
  const b = Buffer.from(png);
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  if (b[24] !== 8 || b[25] !== 0) throw new Error("makeScannedPdf wants an 8-bit greyscale PNG");
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; at += b.readUInt32BE(at) + 12) {
    if (b.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(b.subarray(at + 8, at + 8 + b.readUInt32BE(at)));
  }
  const stream = bits === 8 ? Buffer.concat(idat) : deflateSync(packBits(inflateSync(Buffer.concat(idat)), width, height));
  const params = bits === 8 ? `/DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns ${width} >> ` : "";
  const drawW = 540;
  const drawH = Math.round((drawW * height) / width);
  const content = `q ${drawW} 0 0 ${drawH} 36 ${756 - drawH} cm /Im1 Do Q`;
  const objects: Buffer[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ].map((s) => Buffer.from(s, "latin1"));
  objects.push(
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent ${bits} ` +
          `/Filter /FlateDecode ${params}/Length ${stream.length} >>\nstream\n`,
        "latin1",
      ),
      stream,
      Buffer.from("\nendstream", "latin1"),
    ]),
  );
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let size = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(chunk);
    size += chunk.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(Buffer.from(tail, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

/** PNG scanlines (filter byte 0, then one grey byte per pixel) → 1-bit rows, 1 = white. */
function packBits(scanlines: Buffer, width: number, height: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const out = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (scanlines[y * (width + 1) + 1 + x] >= 128) out[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}
