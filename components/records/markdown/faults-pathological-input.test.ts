import { describe, expect, it } from "vitest";
import { parseBlocks } from "./parse-blocks";
import { parseInline } from "./parse-inline";

/**
 * The record view parses stored Markdown in the browser: text that backtracks a pattern
 * quadratically, or nests lists thousands deep, would freeze or crash the tab. The bound is
 * loose on purpose (a quadratic scan of these inputs needs minutes).
 */
const SIZE = 200_000;
const BOUND_MS = 3000;

function elapsed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe("the record view survives hostile Markdown", () => {
  const blockShapes: Record<string, string> = {
    "a heading with long space runs": `# a${" ".repeat(SIZE)}#${" ".repeat(SIZE)}x`,
    "a fence line of spaces": `\`\`\`${" ".repeat(SIZE)}x`,
    "a table delimiter with trailing spaces": `a | b\n|--${" ".repeat(SIZE)}x`,
    "lists nested a hundred thousand deep": `${"- ".repeat(SIZE / 2)}x`,
  };
  for (const [name, text] of Object.entries(blockShapes)) {
    it(`renders ${name}`, () => {
      let blocks: unknown[] = [];
      expect(elapsed(() => (blocks = parseBlocks(text)))).toBeLessThan(BOUND_MS);
      expect(JSON.stringify(blocks)).toContain("x");
    });
  }

  it("reads text full of unmatched brackets", () => {
    const text = `${"[".repeat(SIZE)}x`;
    let nodes: { kind: string; text?: string }[] = [];
    expect(elapsed(() => (nodes = parseInline(text) as typeof nodes))).toBeLessThan(BOUND_MS);
    expect(nodes.map((n) => n.text).join("")).toBe(text);
  });

  it("keeps a closing heading run only after a space", () => {
    expect(parseBlocks("## Title ##")).toEqual([{ kind: "heading", level: 2, text: "Title" }]);
    expect(parseBlocks("## C#")).toEqual([{ kind: "heading", level: 2, text: "C#" }]);
  });
});
