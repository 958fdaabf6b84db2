import { deflateSync } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../index";
import { admin, basic, startSmall } from "../test/helpers";
import { makeLargeDocx, makeLargePdf, makeLargeText } from "./large-files";

const MB = 1024 * 1024;

describe("large generated attachments", () => {
  it("a large PDF is the size asked for, with a correct xref table, the text and an uncompressed picture", () => {
    const pdf = Buffer.from(makeLargePdf(["Needle in a large PDF"], 8 * MB));
    expect(Math.abs(pdf.length - 8 * MB)).toBeLessThan(8192);
    const s = pdf.toString("latin1");
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(s)![1]);
    expect(s.slice(startxref, startxref + 4)).toBe("xref");
    const entries = s.slice(startxref).split("\n").slice(3, 9);
    entries.forEach((e, i) => {
      const off = Number(e.slice(0, 10));
      expect(s.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(s).toContain("(Needle in a large PDF) Tj");
    const image = /\/Width (\d+) \/Height (\d+) .*\/Length (\d+) >>\nstream\n/.exec(s)!;
    expect(Number(image[3])).toBe(Number(image[1]) * Number(image[2]));
    const dataStart = image.index + image[0].length;
    expect(s.slice(dataStart + Number(image[3]), dataStart + Number(image[3]) + 11)).toBe("\nendstream\n");
  });

  it("a large DOCX stores its media part uncompressed, and the filler does not compress", () => {
    const docx = makeLargeDocx(["Needle in a large DOCX"], 6 * MB);
    expect(Math.abs(docx.length - 6 * MB)).toBeLessThan(8192);
    const files = unzipSync(docx);
    expect(strFromU8(files["word/document.xml"]!)).toContain("Needle in a large DOCX");
    const media = files["word/media/image1.png"]!;
    expect(media.length).toBeGreaterThan(6 * MB - 8192);
    // Stored: the zip is barely larger than the picture; incompressible: deflate gains nothing.
    expect(deflateSync(media.subarray(0, MB)).length).toBeGreaterThan(MB * 0.99);
  });

  it("a large text file starts with the given lines and is exactly the size", () => {
    const text = makeLargeText(["first line", "second line"], 3 * MB);
    expect(text.length).toBe(3 * MB);
    expect(Buffer.from(text.subarray(0, 23)).toString()).toBe("first line\nsecond line\n");
  });
});

describe("the admin API generates large attachments", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSmall();
  });
  afterAll(() => sim.close());

  it("adds a generated file whose declared size and download match", async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const att = await admin(sim, "POST", `/pages/${page.id}/attachments`, {
      fileName: "big.pdf",
      mediaType: "application/pdf",
      generate: { kind: "pdf", sizeBytes: 5 * MB, lines: ["Generated needle"] },
    });
    expect(att.status).toBe(201);
    const res = await fetch(`${sim.url}/wiki${att.body.downloadLink}`, { headers: { authorization: basic(sim.admin.email, sim.admin.apiToken) } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(att.body.fileSize).toBe(bytes.length);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(bytes.toString("latin1")).toContain("(Generated needle) Tj");
  });

  it("refuses an unknown kind or size with a clear message", async () => {
    const page = sim.store.contentList.find((c) => c.type === "page" && c.status === "current")!;
    const kind = await admin(sim, "POST", `/pages/${page.id}/attachments`, { fileName: "x.bin", generate: { kind: "zip", sizeBytes: MB } });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('generate.kind must be \\"pdf\\", \\"docx\\" or \\"txt\\"');
    const size = await admin(sim, "POST", `/pages/${page.id}/attachments`, { fileName: "x.txt", generate: { kind: "txt", sizeBytes: 10 } });
    expect(size.status).toBe(400);
    expect(JSON.stringify(size.body)).toContain("sizeBytes must be a whole number");
  });
});
