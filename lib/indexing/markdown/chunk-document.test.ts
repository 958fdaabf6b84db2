import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument, renderDocument, type Chunk } from "./index";

const breadcrumb = ["Engineering", "Runbooks"];
const CONTEXT = "Engineering › Runbooks › Payments Runbook";

function doc(markdown: string, title = "Payments Runbook") {
  return { title, breadcrumb, markdown: renderDocument({ title, type: "page" }, markdown) };
}

/** The chunk's own text: everything after the context and heading-path lines. */
function body(chunk: Chunk): string {
  const i = chunk.text.indexOf("\n\n");
  return i < 0 ? "" : chunk.text.slice(i + 2);
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** Paragraph-level blocks of the input, as a reader would list them (code fences whole). */
function paragraphs(markdown: string): string[] {
  return markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, (fence) => fence.replace(/\n\n/g, "\n"))
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p && !/^# /.test(p));
}

const sentence = (i: number) => `Sentence number ${i} explains one more detail of the rollout procedure.`;
const longParagraph = (n: number, from = 0) => Array.from({ length: n }, (_, i) => sentence(from + i)).join(" ");
const fullPage = fs.readFileSync(path.join(import.meta.dirname, "golden", "full-page-runbook-en.md"), "utf8");

const bigDoc = [
  "Intro paragraph before any heading.",
  "## Deploying",
  longParagraph(40),
  "```bash\n" + Array.from({ length: 30 }, (_, i) => `echo step ${i}`).join("\n") + "\n```",
  "### Canary",
  longParagraph(5, 100),
  "## 概要",
  "このページではチームの週次リリース手順について説明します。".repeat(60),
  "## Links",
  `See https://example.com/${"x".repeat(3000)} for details.`,
].join("\n\n");

describe("chunkDocument", () => {
  for (const maxChars of [200, 500, 1500]) {
    it(`keeps every chunk within ${maxChars} characters`, () => {
      for (const markdown of [fullPage, bigDoc]) {
        const chunks = chunkDocument(doc(markdown), { maxChars });
        expect(chunks.length).toBeGreaterThan(1);
        for (const c of chunks) expect(c.text.length, c.text).toBeLessThanOrEqual(maxChars);
      }
    });
  }

  it("starts every chunk with the breadcrumb and title, then its heading path", () => {
    const chunks = chunkDocument(doc(bigDoc), { maxChars: 500 });
    for (const c of chunks) {
      const [first, second] = c.text.split("\n");
      expect(first).toBe(CONTEXT);
      if (c.headingPath.length) expect(second).toBe(c.headingPath.join(" › "));
    }
    expect(chunks[0].headingPath).toEqual([]);
    expect(chunks.some((c) => c.headingPath.join("/") === "Deploying/Canary")).toBe(true);
    expect(chunks.some((c) => c.headingPath.join("/") === "概要")).toBe(true);
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it("uses just the title as context when there is no breadcrumb", () => {
    const [chunk] = chunkDocument({ title: "Glossary", breadcrumb: [], markdown: "# Glossary\n\nTerms we use.\n" });
    expect(chunk.text).toBe("Glossary\n\nTerms we use.");
  });

  it("loses no text: every paragraph of the input is in the chunk bodies", () => {
    for (const [markdown, maxChars] of [
      [fullPage, 300],
      [fullPage, 1500],
      [bigDoc, 400],
    ] as const) {
      const joined = squash(chunkDocument(doc(markdown), { maxChars }).map(body).join(""));
      for (const p of paragraphs(markdown)) {
        if (p.startsWith("```")) continue; // split code keeps its lines, checked below
        expect(joined, p).toContain(squash(p));
      }
    }
  });

  it("keeps a code block that fits in one chunk whole", () => {
    const code = "```ts\n" + Array.from({ length: 20 }, (_, i) => `const step${i} = await run(${i});`).join("\n") + "\n```";
    const markdown = `## Setup\n\n${longParagraph(8)}\n\n${code}\n\n${longParagraph(8, 50)}`;
    const chunks = chunkDocument(doc(markdown), { maxChars: 1000 });
    expect(code.length).toBeLessThan(900);
    expect(chunks.filter((c) => c.text.includes(code))).toHaveLength(1);
    expect(chunks.filter((c) => c.text.includes("```"))).toHaveLength(1);
  });

  it("splits a code block too large for a chunk between lines, each piece a closed fence", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `echo "line ${i}"`);
    const chunks = chunkDocument(doc("```bash\n" + lines.join("\n") + "\n```"), { maxChars: 300 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(body(c)).toMatch(/^```bash\n[\s\S]*\n```$/);
    }
    const kept = chunks.flatMap((c) => body(c).split("\n").slice(1, -1));
    expect(kept).toEqual(lines);
  });

  it("splits long paragraphs at sentence ends, also after 。 without spaces, keeping the heading with them", () => {
    const chunks = chunkDocument(doc(bigDoc), { maxChars: 400 });
    const blocks = chunks.flatMap((c) => body(c).split("\n\n"));
    const prose = blocks.filter((b) => b.startsWith("Sentence") || b.startsWith("このページ"));
    expect(prose.length).toBeGreaterThan(10);
    for (const b of prose) expect(b).toMatch(/[.。]$/);
    for (const c of chunks) expect(body(c)).not.toMatch(/^#+ [^\n]*$/); // no chunk is a lone heading
  });

  it("cuts a run with no boundary at all, keeping every character", () => {
    const url = `https://example.com/${"x".repeat(3000)}`;
    const chunks = chunkDocument(doc(`## Links\n\nSee ${url} for details.`), { maxChars: 500 });
    expect(squash(chunks.map(body).join(""))).toContain(url);
  });

  it("does not cut an emoji in half", () => {
    const chunks = chunkDocument(doc("🚀".repeat(500)), { maxChars: 301 });
    for (const c of chunks) expect(body(c)).toMatch(/^(🚀)+$/u);
  });

  it("puts a heading with nothing under it into the next section's chunk", () => {
    const chunks = chunkDocument(doc("## Operations\n\n### Alerts\n\nPage the on-call."));
    expect(chunks).toHaveLength(1);
    expect(chunks[0].headingPath).toEqual(["Operations", "Alerts"]);
    expect(body(chunks[0])).toBe("## Operations\n\n### Alerts\n\nPage the on-call.");
  });

  it("leaves out the title heading, even one that ends in a hash", () => {
    const [chunk] = chunkDocument(doc("Notes on the language.", "C #"));
    expect(chunk.headingPath).toEqual([]);
    expect(body(chunk)).toBe("Notes on the language.");
  });

  it("ignores headings inside code blocks", () => {
    const chunks = chunkDocument(doc("## Shell\n\n```bash\n# not a heading\necho hi\n```"));
    expect(chunks.map((c) => c.headingPath)).toEqual([["Shell"]]);
  });

  it("gives an empty document one chunk so its title stays searchable", () => {
    expect(chunkDocument(doc(""))).toEqual([{ ordinal: 0, headingPath: [], text: CONTEXT }]);
  });

  it("shortens a very long breadcrumb from the top, keeping the title", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Folder ${i}`);
    const [chunk] = chunkDocument({ title: "Payments Runbook", breadcrumb: long, markdown: "Text." }, { maxChars: 400 });
    const context = chunk.text.split("\n")[0];
    expect(context.length).toBeLessThanOrEqual(100);
    expect(context.startsWith("… › ")).toBe(true);
    expect(context.endsWith("Folder 39 › Payments Runbook")).toBe(true);
  });

  it("copes with a heading longer than a chunk", () => {
    const heading = `## ${"Very long heading ".repeat(30)}`;
    const chunks = chunkDocument(doc(`${heading}\n\n${longParagraph(10)}`), { maxChars: 200 });
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(200);
    expect(squash(chunks.map(body).join(""))).toContain(squash(longParagraph(10)));
  });

  it("rejects a maxChars too small to hold the context lines", () => {
    expect(() => chunkDocument(doc("Text."), { maxChars: 50 })).toThrow(RangeError);
  });
});
