import { closesFence, openingFence } from "./fences";
import { atxHeading, toLines } from "./line-syntax";

/**
 * Splits Markdown into the blocks the chunker packs: ATX headings, top-level fenced code
 * blocks (kept whole, with their fence lines), and runs of other lines separated by blank
 * lines. Blank lines inside a fence nested in a list or quote do not end the block.
 */
export type Block =
  | { kind: "heading"; level: number; text: string; raw: string }
  | { kind: "code"; open: string; close: string; body: string[]; raw: string }
  | { kind: "text"; raw: string };

/**
 * Every `[text](target)` and `![text](target)` replaced by its text, exactly as
 * `s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")` would, in one pass. That pattern is
 * quadratic: a heading of many "[" and a later "](" with no ")" rescans to the end from
 * each "[" (80,000 characters took 5 s). A start at "[" can only end at the first "]"
 * after it, so when that "]" has no "(" next, every start before it fails too and the
 * scan resumes after it; when no "]", or no ")" after the "](", remains, nothing later
 * can match. A "!" just before the "[" belongs to the match (it is tried first).
 */
function linkTexts(s: string): string {
  let out = "";
  let copied = 0;
  let from = 0;
  for (;;) {
    const open = s.indexOf("[", from);
    if (open < 0) break;
    const close = s.indexOf("]", open + 1);
    if (close < 0) break;
    if (s.charCodeAt(close + 1) !== 40 /* ( */) {
      from = close + 1;
      continue;
    }
    const end = s.indexOf(")", close + 2);
    if (end < 0) break;
    const start = open > from && s.charCodeAt(open - 1) === 33 /* ! */ ? open - 1 : open;
    out += s.slice(copied, start) + s.slice(open + 1, close);
    copied = from = end + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Heading text as plain words: no escapes, emphasis markers, code ticks or link targets. */
export function plainHeading(text: string): string {
  // Each pattern only where it can match: most headings are plain words.
  let s = text;
  if (s.includes("](")) s = linkTexts(s);
  if (s.includes("\\")) s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
  if (s.includes("**") || s.includes("__") || s.includes("`")) s = s.replace(/(\*\*|__|`)/g, "");
  return s.replace(/\s+/g, " ").trim();
}

/** Ends the current run of text lines. Not a closure in `parseBlocks`: tsx (esbuild's keepNames) names each closure as it is created. */
function flushText(blocks: Block[], buf: string[]): string[] {
  if (!buf.length) return buf;
  blocks.push({ kind: "text", raw: buf.join("\n") });
  return [];
}

export function parseBlocks(markdown: string): Block[] {
  const lines = toLines(markdown);
  const blocks: Block[] = [];
  let buf: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = atxHeading(line);
    if (heading) {
      buf = flushText(blocks, buf);
      blocks.push({ kind: "heading", level: heading.level, text: plainHeading(heading.text), raw: line });
      continue;
    }
    const fence = openingFence(line);
    if (fence && /^(`{3,}|~{3,})/.test(line)) {
      buf = flushText(blocks, buf);
      const body: string[] = [];
      let close = "";
      for (i++; i < lines.length; i++) {
        if (closesFence(lines[i], fence)) {
          close = lines[i];
          break;
        }
        body.push(lines[i]);
      }
      const raw = [line, ...body, ...(close ? [close] : [])].join("\n");
      blocks.push({ kind: "code", open: line, close: close || fence.char.repeat(fence.length), body, raw });
      continue;
    }
    if (fence) {
      // A fence inside a list item or quote: part of the surrounding block, blank lines too.
      buf.push(line);
      for (i++; i < lines.length; i++) {
        buf.push(lines[i]);
        if (closesFence(lines[i], fence)) break;
      }
      continue;
    }
    if (line.trim() === "") buf = flushText(blocks, buf);
    else buf.push(line);
  }
  flushText(blocks, buf);
  return blocks;
}
