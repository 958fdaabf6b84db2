import { describe, expect, it } from "vitest";
import { decodeText, NotTextError } from "./decode-text";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("reads UTF-8 and strips its BOM", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Grüße")]))).toBe("Grüße");
  });

  it("reads UTF-16 little-endian when its BOM says so", () => {
    const body = Buffer.from("Notepad text", "utf16le");
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body]))).toBe("Notepad text");
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]))).toBe("café € \u201cq\u201d");
  });

  it("refuses binary data", () => {
    expect(() => decodeText(new Uint8Array([0x25, 0x50, 0x00, 0x01, 0x02]))).toThrow(NotTextError);
    expect(() => decodeText(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 ? 1 : 65))))).toThrow(/binary data/);
  });
});
