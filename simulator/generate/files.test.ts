import { inflateSync } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { makeDocx, makePdf, makePng, makePptx, makeTextPng, makeXlsx } from "./files";

describe("generated attachment files", () => {
  it("a PDF has a correct xref table and extractable text", () => {
    const pdf = Buffer.from(makePdf(["Hello (PDF) world", "Second line"]));
    const s = pdf.toString("latin1");
    expect(s.startsWith("%PDF-1.4")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(s)![1]);
    expect(s.slice(startxref, startxref + 4)).toBe("xref");
    const entries = s.slice(startxref).split("\n").slice(3, 8);
    entries.forEach((e, i) => {
      const off = Number(e.slice(0, 10));
      expect(s.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(s)![1];
    const len = Number(/\/Length (\d+)/.exec(s)![1]);
    expect(Buffer.byteLength(stream, "latin1")).toBe(len);
    const text = [...stream.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => m[1].replace(/\\(.)/g, "$1"));
    expect(text).toEqual(["Hello (PDF) world", "Second line"]);
  });

  it("a DOCX is a zip with the minimal OOXML parts and the paragraphs", () => {
    const files = unzipSync(makeDocx(["Première ligne", "Second <para>"]));
    expect(Object.keys(files).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    const xml = strFromU8(files["word/document.xml"]);
    expect(xml).toContain("Première ligne");
    expect(xml).toContain("Second &lt;para&gt;");
  });

  it("an XLSX has a workbook and a sheet with the cells", () => {
    const files = unzipSync(
      makeXlsx([
        ["a", "1"],
        ["b", "2.5"],
      ]),
    );
    expect(files["xl/workbook.xml"]).toBeDefined();
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("<t>a</t>");
    expect(sheet).toContain("<v>2.5</v>");
  });

  it("a PNG has the signature, a valid IHDR and inflatable pixel data", () => {
    const png = Buffer.from(makePng(8, 4, 10));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(8);
    expect(png.readUInt32BE(20)).toBe(4);
    const idatLen = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe("IDAT");
    expect(inflateSync(png.subarray(41, 41 + idatLen)).length).toBe((8 * 3 + 1) * 4);
  });

  it("a PPTX has a presentation listing each slide, and the slides' text", () => {
    const files = unzipSync(makePptx([["Title & intro"], ["Second", "slide"]]));
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "ppt/_rels/presentation.xml.rels",
      "ppt/presentation.xml",
      "ppt/slides/slide1.xml",
      "ppt/slides/slide2.xml",
    ]);
    expect(strFromU8(files["ppt/presentation.xml"]).match(/<p:sldId /g)).toHaveLength(2);
    expect(strFromU8(files["ppt/_rels/presentation.xml.rels"])).toContain('Target="slides/slide2.xml"');
    expect(strFromU8(files["ppt/slides/slide1.xml"])).toContain("<a:t>Title &amp; intro</a:t>");
    expect(strFromU8(files["[Content_Types].xml"])).toContain('PartName="/ppt/slides/slide2.xml"');
  });

  it("a text PNG is greyscale, sized to the text, black glyphs on white", () => {
    const png = Buffer.from(makeTextPng(["HI", "A"], 2));
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect([width, height, png[24], png[25]]).toEqual([(2 * 6 + 7) * 2, (2 * 10 + 5) * 2, 8, 0]);
    const raw = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    const pixel = (x: number, y: number) => raw[y * (width + 1) + 1 + x];
    expect(pixel(0, 0)).toBe(255);
    // The H's left stem: font column 4, rows 3..9, two pixels per dot.
    expect(pixel(4 * 2 + 1, 6 * 2 + 1)).toBe(0);
    expect(new Set(raw.filter((_, i) => i % (width + 1) !== 0))).toEqual(new Set([0, 255]));
  });
});
