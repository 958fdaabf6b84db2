import { closesFence, openingFence } from "./fences";
import { atxHeading } from "./line-syntax";

/**
 * Splits Markdown into the blocks the chunker packs: ATX headings, top-level fenced code
 * blocks (kept whole, with their fence lines), and runs of other lines separated by blank
 * lines. Blank lines inside a fence nested in a list or quote do not end the block.
 */
export type Block =
  | { kind: "heading"; level: number; text: string; raw: string }
  | { kind: "code"; open: string; close: string; body: string[]; raw: string }
  | { kind: "text"; raw: string };

/** Heading text as plain words: no escapes, emphasis markers, code ticks or link targets. */
export function plainHeading(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length) blocks.push({ kind: "text", raw: buf.join("\n") });
    buf = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = atxHeading(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading.level, text: plainHeading(heading.text), raw: line });
      continue;
    }
    const fence = openingFence(line);
    if (fence && /^(`{3,}|~{3,})/.test(line)) {
      flush();
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
    if (line.trim() === "") flush();
    else buf.push(line);
  }
  flush();
  return blocks;
}
