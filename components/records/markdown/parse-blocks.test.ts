import { describe, expect, it } from "vitest";
import { parseBlocks } from "./parse-blocks";

describe("parseBlocks", () => {
  it("reads ATX and setext headings, paragraphs and rules", () => {
    expect(parseBlocks("# Title\n\nFirst line\nsecond line\n\nSub\n---\n\n* * *\n\nBig\n===")).toEqual([
      { kind: "heading", level: 1, text: "Title" },
      { kind: "paragraph", text: "First line\nsecond line" },
      { kind: "heading", level: 2, text: "Sub" },
      { kind: "rule" },
      { kind: "heading", level: 1, text: "Big" },
    ]);
  });

  it("keeps fenced code verbatim, with its language, and reads indented code", () => {
    expect(parseBlocks("```sql\nSELECT *\n\n  FROM t; # not a heading\n```\n\n    indented\n    code\n\nafter")).toEqual([
      { kind: "code", lang: "sql", text: "SELECT *\n\n  FROM t; # not a heading" },
      { kind: "code", lang: "", text: "indented\ncode" },
      { kind: "paragraph", text: "after" },
    ]);
  });

  it("nests block quotes (callouts) with their own blocks", () => {
    expect(parseBlocks("> **Info:** Note\n>\n> - one\n> - two")).toEqual([
      {
        kind: "quote",
        children: [
          { kind: "paragraph", text: "**Info:** Note" },
          {
            kind: "list",
            ordered: false,
            start: 1,
            items: [
              { checked: null, children: [{ kind: "paragraph", text: "one" }] },
              { checked: null, children: [{ kind: "paragraph", text: "two" }] },
            ],
          },
        ],
      },
    ]);
  });

  it("reads turndown's lists: nested, ordered from a start, loose, and task items", () => {
    const blocks = parseBlocks("*   a\n    *   a.1\n*   b\n\n3.  three\n4.  four\n\n- [ ] open\n- [x] done");
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toEqual({
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        {
          checked: null,
          children: [
            { kind: "paragraph", text: "a" },
            { kind: "list", ordered: false, start: 1, items: [{ checked: null, children: [{ kind: "paragraph", text: "a.1" }] }] },
          ],
        },
        { checked: null, children: [{ kind: "paragraph", text: "b" }] },
      ],
    });
    expect(blocks[1]).toMatchObject({ kind: "list", ordered: true, start: 3, items: [{}, {}] });
    expect(blocks[2]).toMatchObject({ kind: "list", items: [{ checked: false }, { checked: true }] });
  });

  it("reads GFM tables with alignment and escaped pipes, padding short rows", () => {
    expect(parseBlocks("| Name | Value |\n| :--- | ---: |\n| a \\| b | 1 |\n| c |")).toEqual([
      {
        kind: "table",
        align: ["left", "right"],
        header: ["Name", "Value"],
        rows: [
          ["a | b", "1"],
          ["c", ""],
        ],
      },
    ]);
  });

  it("never drops text it does not understand", () => {
    const blocks = parseBlocks("<div>raw html</div>\n\na | b\n---");
    expect(blocks).toEqual([
      { kind: "paragraph", text: "<div>raw html</div>" },
      { kind: "heading", level: 2, text: "a | b" },
    ]);
  });
});
