import { deflateSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import type { FileKind } from "../store/types";

/** Real, minimal files that open in ordinary parsers. Text is ASCII-safe for the PDF. */
export const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  txt: "text/plain",
  csv: "text/csv",
  md: "text/markdown",
};

export const MEDIA_DESCRIPTIONS: Record<FileKind, string> = {
  pdf: "PDF Document",
  docx: "Microsoft Word Document",
  xlsx: "Microsoft Excel Spreadsheet",
  png: "PNG Image",
  txt: "Text File",
  csv: "CSV File",
  md: "Markdown File",
};

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function makePdf(lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

const fixedZipTime = new Date(Date.UTC(2024, 0, 1));

export function makeDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  };
  return zipSync(files, { mtime: fixedZipTime });
}

export function makeXlsx(rows: string[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">${r
          .map((v, ci) =>
            /^-?\d+(\.\d+)?$/.test(v)
              ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>`
              : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`,
          )
          .join("")}</row>`,
    )
    .join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  };
  return zipSync(files, { mtime: fixedZipTime });
}

/** A PPTX with one text box per slide, one paragraph per line (the parts readers need; no master). */
export function makePptx(slides: string[][]): Uint8Array {
  const ns =
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>${slides
        .map(
          (_, i) => `<Override PartName="/ppt/slides/slide${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>`,
        )
        .join("")}</Types>`,
    ),
    "_rels/.rels": strToU8(rels(rel("rId1", "officeDocument", "ppt/presentation.xml"))),
    "ppt/presentation.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation ${ns}><p:sldIdLst>${slides
        .map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`)
        .join("")}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
    ),
    "ppt/_rels/presentation.xml.rels": strToU8(rels(slides.map((_, i) => rel(`rId${i + 1}`, "slide", `slides/slide${i + 1}.xml`)).join(""))),
  };
  slides.forEach((lines, i) => {
    const paras = lines.map((l) => `<a:p><a:r><a:rPr lang="en-US"/><a:t>${xmlEscape(l)}</a:t></a:r></a:p>`).join("");
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld ${ns}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Text ${i + 1}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paras}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
    );
  });
  return zipSync(files, { mtime: fixedZipTime });
}

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG of raw scanlines (each already prefixed with its filter byte); colorType 0 = grey, 2 = RGB. */
function encodePng(width: number, height: number, colorType: 0 | 2, raw: Buffer): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, pngChunk("IHDR", ihdr), pngChunk("IDAT", deflateSync(raw)), pngChunk("IEND", new Uint8Array())]));
}

/** A small RGB gradient PNG coloured by `hue` (0..255). */
export function makePng(width: number, height: number, hue: number): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (hue + x * 8) & 255;
      raw[row + 2 + x * 3] = (y * 8) & 255;
      raw[row + 3 + x * 3] = (255 - hue) & 255;
    }
  }
  return encodePng(width, height, 2, raw);
}

// A 5x7 bitmap font (A-Z, 0-9): per glyph, 7 rows of 5 bits as two hex digits each, top row
// first. Enough to draw words that OCR can read back, with no system fonts or canvas needed.
const GLYPH_ORDER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const GLYPHS =
  "0E11111F1111111E11111E11111E0E11101010110E1C12111111121C1F10101E10101F1F10101E101010" +
  "0E11101711110F1111111F1111110E04040404040E0702020202120C111214181412111010101010101F" +
  "111B1515111111111119151311110E11111111110E1E11111E1010100E11111115120D1E11111E141211" +
  "0F10100E01011E1F0404040404041111111111110E11111111110A041111111515150A11110A040A1111" +
  "1111110A0404041F01020408101F0E11131519110E040C040404040E0E11010204081F1F02040201110E" +
  "02060A121F02021F101E0101110E0608101E11110E1F0102040808080E11110E11110E0E11110F01020C";

/** Black capital letters and digits on white, `scale` pixels per font dot; other characters are blank. */
export function makeTextPng(lines: string[], scale = 6): Uint8Array {
  const width = (Math.max(...lines.map((l) => l.length)) * 6 + 7) * scale;
  const height = (lines.length * 10 + 5) * scale;
  const ink = new Uint8Array(width * height);
  lines.forEach((line, li) => {
    [...line.toUpperCase()].forEach((ch, ci) => {
      const g = GLYPH_ORDER.indexOf(ch);
      for (let r = 0; g >= 0 && r < 7; r++) {
        const bits = parseInt(GLYPHS.slice(g * 14 + r * 2, g * 14 + r * 2 + 2), 16);
        for (let c = 0; c < 5; c++) {
          if (!(bits & (16 >> c))) continue;
          const x0 = (4 + ci * 6 + c) * scale;
          const y0 = (3 + li * 10 + r) * scale;
          for (let dy = 0; dy < scale; dy++) ink.fill(1, (y0 + dy) * width + x0, (y0 + dy) * width + x0 + scale);
        }
      }
    });
  });
  // Square dots read badly (N comes back as M, 0 as 8); a majority vote over half a dot around
  // each pixel rounds the corners and fills the diagonals, and tesseract then reads it reliably.
  const w1 = width + 1;
  const sum = new Uint32Array(w1 * (height + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) sum[(y + 1) * w1 + x + 1] = ink[y * width + x] + sum[y * w1 + x + 1] + sum[(y + 1) * w1 + x] - sum[y * w1 + x];
  const r = scale >> 1;
  const raw = Buffer.alloc(w1 * height);
  for (let y = 0; y < height; y++) {
    const [ya, yb] = [Math.max(0, y - r), Math.min(height, y + r + 1)];
    for (let x = 0; x < width; x++) {
      const [xa, xb] = [Math.max(0, x - r), Math.min(width, x + r + 1)];
      const n = sum[yb * w1 + xb] - sum[ya * w1 + xb] - sum[yb * w1 + xa] + sum[ya * w1 + xa];
      raw[y * w1 + 1 + x] = n * 2 > (xb - xa) * (yb - ya) ? 0 : 255;
    }
  }
  return encodePng(width, height, 0, raw);
}

/** Render a generated file of the given kind whose text content mentions `title`. */
export function renderFile(kind: FileKind, title: string, seed: number): Uint8Array {
  const lines = [title, `Generated attachment ${seed}`, "Quarterly figures and release notes.", "Confidential: internal use only."];
  switch (kind) {
    case "pdf":
      return makePdf(lines);
    case "docx":
      return makeDocx(lines);
    case "xlsx":
      return makeXlsx([
        ["Item", "Quantity", "Price"],
        [title, String(seed % 97), "12.5"],
        ["Support", "3", "99"],
      ]);
    case "png":
      return makePng(16, 16, seed % 256);
    case "csv":
      return strToU8(`item,quantity,price\n"${title.replace(/"/g, "'")}",${seed % 97},12.5\nsupport,3,99\n`);
    case "md":
      return strToU8(`# ${title}\n\n- Generated attachment ${seed}\n- Release notes\n`);
    default:
      return strToU8(lines.join("\n") + "\n");
  }
}
