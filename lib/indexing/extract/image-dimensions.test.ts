import { describe, expect, it } from "vitest";
import { makePng, makeTextPng } from "../../../simulator/generate/files";
import { imageDimensions } from "./image-dimensions";

describe("imageDimensions", () => {
  it("reads a PNG's size from its header", () => {
    expect(imageDimensions(makePng(40, 12, 0))).toEqual({ width: 40, height: 12 });
  });

  it("reads a JPEG's size from its start-of-frame marker", () => {
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 640.
    const jpeg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x01,
      0x2c,
      0x02,
      0x80,
      0x03,
      ...new Array(9).fill(0),
    ]);
    expect(imageDimensions(jpeg)).toEqual({ width: 640, height: 300 });
  });

  it("reads GIF and BMP headers, and gives up on what it does not know", () => {
    const gif = new Uint8Array([...new TextEncoder().encode("GIF89a"), 0x20, 0x03, 0x58, 0x02]);
    expect(imageDimensions(gif)).toEqual({ width: 800, height: 600 });
    const bmp = new Uint8Array(30);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 123, true);
    new DataView(bmp.buffer).setInt32(22, -45, true); // top-down rows
    expect(imageDimensions(bmp)).toEqual({ width: 123, height: 45 });
    expect(imageDimensions(new TextEncoder().encode("II*\0 a tiff"))).toBeNull();
    expect(imageDimensions(makeTextPng(["A"]).slice(0, 10))).toBeNull();
  });
});
