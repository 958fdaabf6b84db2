import { describe, expect, it } from "vitest";
import { stripNul, stripNulDeep } from "./pg-text";

describe("text PostgreSQL accepts", () => {
  it("drops NUL wherever it is, and leaves other text as it was", () => {
    expect(stripNul("a\0b\0")).toBe("ab");
    const clean = "Ünïcode ✓ 𝄞";
    expect(stripNul(clean)).toBe(clean);
    expect(stripNulDeep({ "k\0": ["x\0y", { z: "\0" }], n: 2, d: null })).toEqual({ k: ["xy", { z: "" }], n: 2, d: null });
  });

  it("is linear on a megabyte of NULs", () => {
    expect(stripNul("\0".repeat(1 << 20) + "end")).toBe("end");
  });
});
