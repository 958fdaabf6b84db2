import { describe, expect, it } from "vitest";
import { htmlToText } from "../extract/html-to-text";
import { chunkDocument, renderDocument, storageToMarkdown } from "./index";

/**
 * Issue 13 item 7: patterns such as `[ \t]+$` backtrack quadratically on long runs of
 * spaces; a 40,000-space line took 4.7 s and a 300 KB code block minutes, on the worker's
 * main thread, until the run's lease expired. A megabyte of each shape must convert, chunk
 * and extract in well under a second; the bound below is loose (a quadratic pattern needs
 * minutes here), so it fails on the bug and not on a slow machine.
 */
const MB = 1 << 20;
const BOUND_MS = 3000;
const ctx = { siteUrl: "https://acme.atlassian.net" };
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const shapes: Record<string, string> = {
  "a megabyte of spaces then a word": `${" ".repeat(MB)}x`,
  "spaces and tabs then a word": `${" \t".repeat(MB / 2)}x`,
  "a heading with a megabyte of spaces inside": `# a${" ".repeat(MB / 2)}#${" ".repeat(MB / 2)}x`,
  "a megabyte of blank lines then a word": `${"\n".repeat(MB)}x`,
  "alternating spaces and newlines": `${" \n".repeat(MB / 2)}x`,
  "sentence ends followed by long space runs": `${`end.${" ".repeat(5000)}`.repeat(MB / 5004)}x`,
};

function elapsed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe("a megabyte of pathological whitespace does not stall a run", () => {
  for (const [name, text] of Object.entries(shapes)) {
    it(`converts a page body of ${name}`, () => {
      let markdown = "";
      expect(elapsed(() => (markdown = storageToMarkdown(`<p>${escape(text)}</p>`, ctx)))).toBeLessThan(BOUND_MS);
      expect(markdown).toContain("x");
    });

    it(`converts a code block of ${name}, keeping it exact`, () => {
      const storage = `<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body></ac:structured-macro>`;
      let markdown = "";
      expect(elapsed(() => (markdown = storageToMarkdown(storage, ctx)))).toBeLessThan(BOUND_MS);
      expect(markdown).toContain("x");
    });

    it(`chunks a document of ${name} into pieces within the budget`, () => {
      let chunks: { text: string }[] = [];
      const markdown = renderDocument({ title: "Whitespace", type: "page" }, text);
      expect(elapsed(() => (chunks = chunkDocument({ title: "Whitespace", breadcrumb: [], markdown }, { maxChars: 2000 })))).toBeLessThan(BOUND_MS);
      expect(chunks.some((c) => c.text.includes("x"))).toBe(true);
    });

    it(`extracts the text of an HTML attachment of ${name}`, () => {
      let extracted = "";
      expect(elapsed(() => (extracted = htmlToText(`<p>${escape(text)}</p>`)))).toBeLessThan(BOUND_MS);
      expect(extracted.endsWith("x")).toBe(true);
    });
  }
});

/**
 * The link pattern in heading text, `!?\[([^\]]*)\]\([^)]*\)`, rescanned to the end of the
 * heading from every "[" when the "](" had no ")" (80,000 characters took 5.2 s); storage
 * escapes "[" and "]" but not "(", so a page heading "[[[…](" reached it as "\[\[\[…\](".
 * Each shape is a heading of about a megabyte holding no whole link: its plain text is itself.
 */
const headings: Record<string, string> = {
  "many [ then ]( with no )": `${"[".repeat(MB)}](`,
  "many [ then ]( and a megabyte with no )": `${"[".repeat(MB / 2)}](${"a".repeat(MB / 2)}`,
  "many ![ then ]( with no )": `${"![".repeat(MB / 2)}](x`,
  "many [a]( with no )": "[a](".repeat(MB / 4),
  "a ]( then many [ with no ]": `a](b ${"[".repeat(MB)}`,
};

/** The chunks of a document whose body is `markdown`, and how long chunking took. */
function chunkTimed(markdown: string): { chunks: { headingPath: string[]; text: string }[]; ms: number } {
  const doc = renderDocument({ title: "Brackets", type: "page" }, markdown);
  let chunks: { headingPath: string[]; text: string }[] = [];
  const ms = elapsed(() => (chunks = chunkDocument({ title: "Brackets", breadcrumb: [], markdown: doc }, { maxChars: 2000 })));
  return { chunks, ms };
}

describe("a megabyte of brackets in a heading does not stall a run", () => {
  for (const [name, heading] of Object.entries(headings)) {
    it(`chunks a document whose heading is ${name}`, () => {
      const { chunks, ms } = chunkTimed(`## ${heading}\n\nend`);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(chunks.at(-1)?.headingPath).toEqual([heading]);
      expect(chunks.at(-1)?.text.endsWith("end")).toBe(true);
    });

    it(`converts and chunks a page whose heading is ${name}`, () => {
      let markdown = "";
      expect(elapsed(() => (markdown = storageToMarkdown(`<h2>${escape(heading)}</h2><p>end</p>`, ctx)))).toBeLessThan(BOUND_MS);
      const { chunks, ms } = chunkTimed(markdown);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(chunks.at(-1)?.headingPath).toEqual([heading]);
      expect(chunks.at(-1)?.text.endsWith("end")).toBe(true);
    });
  }

  it("keeps the text of a megabyte-long link in a heading", () => {
    const { chunks, ms } = chunkTimed(`## ![${"[".repeat(MB)}](x) and [](y) end`);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(chunks.at(-1)?.headingPath).toEqual([`${"[".repeat(MB)} and end`]);
  });
});
