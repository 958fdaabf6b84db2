import { strToU8, zipSync } from "fflate";
import { makePng } from "./files";

/**
 * Large attachments that are cheap to make: a small text layer and a large part that readers
 * of text never decode (a picture painted on the page, a media file in the package), as real
 * scanned-and-annotated PDFs and picture-heavy Word files are. The filler repeats a 64 KiB
 * pseudo-random block, which costs nothing to make yet does not compress (PostgreSQL's pglz
 * looks back 4 KiB), so the bytes stored and moved are as many as the size says.
 */
export type LargeFileKind = "pdf" | "docx" | "txt";
export const LARGE_FILE_MAX_BYTES = 200 * 1024 * 1024;

const BLOCK = 64 * 1024;

function filler(size: number, seed: number): Buffer {
  const block = Buffer.allocUnsafe(BLOCK);
  let x = seed | 0 || 0x9e3779b9;
  for (let i = 0; i < BLOCK; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block.writeInt32LE(x | 0, i);
  }
  const out = Buffer.allocUnsafeSlow(size);
  for (let at = 0; at < size; at += BLOCK) block.copy(out, at, 0, Math.min(BLOCK, size - at));
  return out;
}

/** A one-page PDF: the lines as text, and an uncompressed greyscale picture making up the size. */
export function makeLargePdf(lines: string[], sizeBytes: number, seed = 1): Uint8Array {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const text = [...lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td (${esc(l)}) Tj ET`), "q 200 0 0 200 306 100 cm /Im1 Do Q"].join("\n");
  const head = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const width = 4096;
  // What the picture leaves for the rest of the file (header, objects, xref) is under 2 KB.
  const height = Math.max(1, Math.floor((sizeBytes - 2048) / width));
  const pixels = filler(width * height, seed);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  push(Buffer.from("%PDF-1.4\n", "latin1"));
  head.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, "latin1"));
  });
  offsets.push(length);
  push(
    Buffer.from(
      `6 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n`,
      "latin1",
    ),
  );
  push(pixels);
  push(Buffer.from("\nendstream\nendobj\n", "latin1"));
  const xref = length;
  let tail = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(tail, "latin1"));
  return new Uint8Array(Buffer.concat(parts, length));
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fixedZipTime = new Date(Date.UTC(2024, 0, 1));

/** A DOCX: the paragraphs, and one picture stored (not deflated) in word/media making up the size. */
export function makeLargeDocx(paragraphs: string[], sizeBytes: number, seed = 1): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join("");
  const png = makePng(16, 16, seed % 256);
  // A PNG reader stops at IEND; the filler after it stands for the rest of a large picture.
  const media = Buffer.concat([png, filler(Math.max(0, sizeBytes - 4096 - png.length), seed)]);
  const files = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
    "word/media/image1.png": [new Uint8Array(media.buffer, media.byteOffset, media.length), { level: 0 }] as [Uint8Array, { level: 0 }],
  };
  return zipSync(files, { mtime: fixedZipTime });
}

/** A plain-text file: the lines, then numbered filler lines of words up to the size. */
export function makeLargeText(lines: string[], sizeBytes: number): Uint8Array {
  const headText = lines.join("\n") + "\n";
  const line = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n";
  const out = Buffer.allocUnsafeSlow(Math.max(sizeBytes, Buffer.byteLength(headText)));
  let at = out.write(headText, 0, "utf8");
  while (at < out.length) at += out.write(line, at, Math.min(line.length, out.length - at), "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function makeLargeFile(kind: LargeFileKind, lines: string[], sizeBytes: number, seed = 1): Uint8Array {
  if (!Number.isInteger(sizeBytes) || sizeBytes < 4096 || sizeBytes > LARGE_FILE_MAX_BYTES) {
    throw new RangeError(`sizeBytes must be a whole number from 4096 to ${LARGE_FILE_MAX_BYTES}`);
  }
  if (kind === "pdf") return makeLargePdf(lines, sizeBytes, seed);
  if (kind === "docx") return makeLargeDocx(lines, sizeBytes, seed);
  return makeLargeText(lines, sizeBytes);
}
