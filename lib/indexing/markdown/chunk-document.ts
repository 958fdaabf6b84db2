import { parseBlocks, plainHeading, type Block } from "./markdown-blocks";
import { splitCode, splitText } from "./split-text";

export type Chunk = { ordinal: number; headingPath: string[]; text: string };

const DEFAULT_MAX_CHARS = 1500;
const MIN_MAX_CHARS = 100;

type Section = { path: string[]; blocks: Block[] };

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** "breadcrumb › title", dropping the top of a long breadcrumb first: the title matters most. */
function contextLine(breadcrumb: string[], title: string, max: number): string {
  const parts = [...breadcrumb, title].map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
  let line = parts.join(" › ");
  while (line.length > max && parts.length > 1) {
    parts.shift();
    line = `… › ${parts.join(" › ")}`;
  }
  return clip(line, max);
}

/**
 * Sections by heading. A heading with nothing under it before the next heading (a parent
 * whose content starts with a subheading) joins the next section instead of becoming a
 * chunk of its own.
 */
function sections(blocks: Block[]): Section[] {
  const out: Section[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: Section = { path: [], blocks: [] };
  let carried: Block[] = [];
  const close = () => {
    if (current.blocks.length === 1 && current.blocks[0].kind === "heading") carried.push(current.blocks[0]);
    else if (current.blocks.length) {
      out.push(current);
      carried = [];
    }
  };
  for (const block of blocks) {
    if (block.kind !== "heading") {
      current.blocks.push(block);
      continue;
    }
    close();
    while (stack.length && stack[stack.length - 1].level >= block.level) stack.pop();
    stack.push({ level: block.level, text: block.text });
    current = { path: stack.map((h) => h.text).filter(Boolean), blocks: [...carried, block] };
    carried = [];
  }
  if (current.blocks.length) out.push(current);
  return out;
}

function pieces(block: Block, budget: number, first: number): string[] {
  return block.kind === "code" ? splitCode(block.open, block.body, block.close, budget, first) : splitText(block.raw, budget, first);
}

/**
 * Packs a section's blocks into chunk bodies of at most `budget` characters. A block that
 * does not fit in the current chunk starts the next one; a block too large for any chunk
 * is split, its first piece filling the current chunk. A heading is never left alone at
 * the end of a chunk: the block after it is split to join it, unless that block is code
 * that fits a chunk by itself (code is only split when it cannot fit anywhere).
 */
function pack(blocks: Block[], budget: number): string[][] {
  const p = new Packer(budget);
  for (const block of blocks) {
    const heading = block.kind === "heading";
    if (block.raw.length <= p.room()) p.push(block.raw, heading);
    else if (block.raw.length <= budget && (!p.body.length || !p.headingsOnly || block.kind === "code")) {
      p.flush();
      p.push(block.raw, heading);
    } else {
      // Too little room left for a useful first piece: start a new chunk (a heading keeps
      // its next block unless even that would be a sliver).
      if (p.room() < budget / 5 && (!p.headingsOnly || p.room() < 40)) p.flush();
      for (const piece of pieces(block, budget, p.room())) p.push(piece, heading);
    }
  }
  p.flush();
  return p.chunks;
}

/** The chunk being filled. A class, not closures in `pack`: tsx (esbuild's keepNames) names each closure as it is created, a cost per section. */
class Packer {
  chunks: string[][] = [];
  body: string[] = [];
  size = 0;
  headingsOnly = true;
  constructor(readonly budget: number) {}
  room(): number {
    return this.budget - this.size - (this.body.length ? 2 : 0);
  }
  flush(): void {
    if (this.body.length) this.chunks.push(this.body);
    this.body = [];
    this.size = 0;
    this.headingsOnly = true;
  }
  push(piece: string, heading: boolean): void {
    if (piece.length > this.room()) this.flush();
    this.size += (this.body.length ? 2 : 0) + piece.length;
    this.body.push(piece);
    this.headingsOnly &&= heading;
  }
}

/**
 * Splits a rendered document into chunks of at most `maxChars` characters (text included
 * context lines). Chunks follow headings; a section too large for one chunk splits between
 * blocks, a block too large splits as split-text.ts describes, and a fenced code block is
 * only split when it cannot fit in a chunk by itself. Every chunk starts with the context
 * line "breadcrumb › title" and, under a heading, a line with its heading path, so each
 * chunk is findable by its title and place. An empty document gives one chunk with just
 * the context line, so the title is still searchable.
 */
export function chunkDocument(doc: { title: string; breadcrumb: string[]; markdown: string }, opts?: { maxChars?: number }): Chunk[] {
  const maxChars = opts?.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isFinite(maxChars) || maxChars < MIN_MAX_CHARS) throw new RangeError(`maxChars must be at least ${MIN_MAX_CHARS}`);
  const title = doc.title.replace(/\s+/g, " ").trim() || "Untitled";
  const context = contextLine(doc.breadcrumb, title, Math.floor(maxChars / 4));

  const blocks = parseBlocks(doc.markdown);
  // The rendered document starts with "# {title}"; the context line already says it.
  const first = blocks[0];
  if (first?.kind === "heading" && first.level === 1 && (first.raw === `# ${title}` || first.text === plainHeading(title))) blocks.shift();

  const chunks: Chunk[] = [];
  const emit = (path: string[], header: string, body: string[]) => {
    const text = body.length ? `${header}\n\n${body.join("\n\n")}` : header;
    chunks.push({ ordinal: chunks.length, headingPath: path, text });
  };
  for (const section of sections(blocks)) {
    const pathLine = section.path.length ? clip(section.path.join(" › "), Math.floor(maxChars / 4)) : "";
    const header = pathLine ? `${context}\n${pathLine}` : context;
    const budget = maxChars - header.length - 2;
    for (const body of pack(section.blocks, budget)) emit(section.path, header, body);
  }
  if (!chunks.length) emit([], context, []);
  return chunks;
}
