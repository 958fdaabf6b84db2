import { describe, expect, it } from "vitest";
import { extractableKind } from "./detect-kind";

describe("extractableKind", () => {
  it("goes by a known media type, ignoring parameters and case", () => {
    expect(extractableKind("application/pdf", "scan")).toBe("pdf");
    expect(extractableKind("Text/HTML; charset=UTF-8", "page.txt")).toBe("html");
    expect(extractableKind("image/jpeg", "photo.bin")).toBe("image");
    expect(extractableKind("application/vnd.openxmlformats-officedocument.presentationml.presentation", "x")).toBe("pptx");
  });

  it("falls back to the extension for octet-stream, zip or no media type", () => {
    expect(extractableKind("application/octet-stream", "Report.DOCX")).toBe("docx");
    expect(extractableKind("application/zip", "budget.xlsx")).toBe("xlsx");
    expect(extractableKind(null, "notes.md")).toBe("markdown");
    expect(extractableKind("", "data.csv")).toBe("csv");
    expect(extractableKind("binary/octet-stream", "scan.tiff")).toBe("image");
  });

  it("returns null for what no reader handles", () => {
    expect(extractableKind("application/msword", "old.doc")).toBeNull();
    expect(extractableKind("video/mp4", "demo.mp4")).toBeNull();
    expect(extractableKind(null, "Makefile")).toBeNull();
  });
});
