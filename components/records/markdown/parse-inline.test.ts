import { describe, expect, it } from "vitest";
import { parseInline, safeUrl } from "./parse-inline";

describe("parseInline", () => {
  it("reads strong, emphasis, strikethrough and code, and honours escapes", () => {
    expect(parseInline("**bold** and _it_ ~~gone~~ `a*b` \\*not\\* snake_case_name")).toEqual([
      { kind: "strong", children: [{ kind: "text", text: "bold" }] },
      { kind: "text", text: " and " },
      { kind: "em", children: [{ kind: "text", text: "it" }] },
      { kind: "text", text: " " },
      { kind: "del", children: [{ kind: "text", text: "gone" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "a*b" },
      { kind: "text", text: " *not* snake_case_name" },
    ]);
  });

  it("nests strong inside emphasis", () => {
    expect(parseInline("*a **b** c*")).toEqual([
      {
        kind: "em",
        children: [
          { kind: "text", text: "a " },
          { kind: "strong", children: [{ kind: "text", text: "b" }] },
          { kind: "text", text: " c" },
        ],
      },
    ]);
  });

  it("reads links with titles and parentheses, images and autolinks", () => {
    expect(parseInline('[Docs (v2)](https://x.test/a_(b) "T") ![logo](/img.png) <https://y.test>')).toEqual([
      { kind: "link", href: "https://x.test/a_(b)", title: "T", children: [{ kind: "text", text: "Docs (v2)" }] },
      { kind: "text", text: " " },
      { kind: "image", src: "/img.png", alt: "logo", title: null },
      { kind: "text", text: " " },
      { kind: "link", href: "https://y.test", title: null, children: [{ kind: "text", text: "https://y.test" }] },
    ]);
  });

  it("turns two trailing spaces or a backslash before a newline into a break", () => {
    expect(parseInline("a  \nb\\\nc")).toEqual([
      { kind: "text", text: "a" },
      { kind: "break" },
      { kind: "text", text: "b" },
      { kind: "break" },
      { kind: "text", text: "c" },
    ]);
  });

  it("refuses script and data addresses", () => {
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ kind: "link", href: null, title: null, children: [{ kind: "text", text: "x" }] }]);
    expect(safeUrl("java\tscript:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,hi", "image")).toBeNull();
    expect(safeUrl("mailto:a@b.test")).toBe("mailto:a@b.test");
    expect(safeUrl("mailto:a@b.test", "image")).toBeNull();
    expect(safeUrl("../other")).toBe("../other");
  });
});
