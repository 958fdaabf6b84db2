/**
 * The block structure of the Markdown our converter writes (CommonMark + GFM as turndown
 * emits it): headings (ATX and setext), paragraphs, fenced and indented code, block quotes,
 * bullet, ordered and task lists, tables and rules. Not a full CommonMark parser: anything it
 * does not recognise stays a paragraph of text, so no content is ever dropped.
 */

import { atxHeading, trimEndBlanks } from "@/lib/indexing/markdown/line-syntax";

export type Align = "left" | "center" | "right" | null;

export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "code"; lang: string; text: string }
  | { kind: "quote"; children: Block[] }
  | { kind: "list"; ordered: boolean; start: number; items: ListItem[] }
  | { kind: "table"; align: Align[]; header: string[]; rows: string[][] }
  | { kind: "rule" };

export interface ListItem {
  /** null for a plain item, else whether its task box is ticked. */
  checked: boolean | null;
  children: Block[];
}

/** An opening code fence: up to 3 spaces, 3+ backticks or tildes, an info string without backticks. */
function openingFence(line: string): { indent: number; marker: string; lang: string } | null {
  let indent = 0;
  while (indent < 3 && line[indent] === " ") indent++;
  const char = line[indent];
  if (char !== "`" && char !== "~") return null;
  let end = indent;
  while (line[end] === char) end++;
  if (end - indent < 3) return null;
  const info = line.slice(end);
  if (info.includes("`")) return null;
  return { indent, marker: line.slice(indent, end), lang: info.trim().split(/[ \t]/, 1)[0] ?? "" };
}

/** Whether the line closes a fence opened with `marker`: the same character, at least as many. */
function closesFence(line: string, marker: string): boolean {
  const text = trimEndBlanks(line);
  let i = 0;
  while (i < 3 && text[i] === " ") i++;
  const run = text.slice(i);
  return run.length >= marker.length && [...run].every((c) => c === marker[0]);
}

const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?(?:[ \t]*\|[ \t]*:?-+:?)*[ \t]*\|?$/;
const SETEXT = /^ {0,3}(=+|-+)$/;
const TASK = /^\[([ xX])\][ \t]+/;

const blank = (line: string) => line.trim() === "";
/** A GFM table: a row with pipes, then a delimiter row with as many cells. */
const isTableStart = (line: string, next: string | undefined) =>
  line.includes("|") && next !== undefined && TABLE_DELIMITER.test(trimEndBlanks(next)) && splitRow(next).length === splitRow(line).length;

export function parseBlocks(source: string): Block[] {
  return parseLines(source.replace(/\r\n?/g, "\n").split("\n"));
}

/** Whether a line starts a block other than a paragraph (ending the paragraph before it). */
function startsBlock(line: string, next: string | undefined): boolean {
  const trimmed = trimEndBlanks(line);
  if (openingFence(line) || atxHeading(line, 3) || RULE.test(trimmed) || QUOTE.test(line)) return true;
  const item = LIST_ITEM.exec(line);
  if (item && item[4]!.trim() !== "" && (/^[-*+]$/.test(item[2]!) || /^1[.)]$/.test(item[2]!))) return true;
  return isTableStart(line, next);
}

/** Quotes and lists nested deeper than this render as text: "- - - - …" must not exhaust the stack. */
const MAX_NESTING = 32;

function parseLines(lines: string[], depth = 0): Block[] {
  if (depth > MAX_NESTING) return [{ kind: "paragraph", text: lines.join("\n") }];
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = openingFence(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !closesFence(lines[i]!, fence.marker)) body.push(stripIndent(lines[i++]!, fence.indent));
      i++; // the closing fence (or the end of the document)
      blocks.push({ kind: "code", lang: fence.lang, text: body.join("\n") });
      continue;
    }
    const atx = atxHeading(line, 3);
    if (atx) {
      blocks.push({ kind: "heading", level: atx.level, text: atx.text });
      i++;
      continue;
    }
    if (RULE.test(trimEndBlanks(line))) {
      blocks.push({ kind: "rule" });
      i++;
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && (/^( {4}|\t)/.test(lines[i]!) || blank(lines[i]!))) body.push(lines[i++]!.replace(/^( {4}|\t)/, ""));
      while (body.length && blank(body[body.length - 1]!)) body.pop();
      blocks.push({ kind: "code", lang: "", text: body.join("\n") });
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ""));
      blocks.push({ kind: "quote", children: parseLines(body, depth + 1) });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      i = parseList(lines, i, blocks, depth);
      continue;
    }
    if (isTableStart(line, lines[i + 1])) {
      i = parseTable(lines, i, blocks);
      continue;
    }
    // A paragraph, or a setext heading when underlined with = or -.
    const text: string[] = [line.trim()];
    i++;
    let heading = 0;
    while (i < lines.length && !blank(lines[i]!)) {
      const setext = SETEXT.exec(trimEndBlanks(lines[i]!));
      if (setext) {
        heading = setext[1]![0] === "=" ? 1 : 2;
        i++;
        break;
      }
      if (startsBlock(lines[i]!, lines[i + 1])) break;
      text.push(lines[i++]!.replace(/^[ \t]+/, ""));
    }
    blocks.push(heading ? { kind: "heading", level: heading, text: text.join(" ") } : { kind: "paragraph", text: text.join("\n") });
  }
  return blocks;
}

function stripIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && line[n] === " ") n++;
  return line.slice(n);
}

/** One list: items with the same kind of marker; an item's body is every line indented to its content. */
function parseList(lines: string[], start: number, blocks: Block[], depth: number): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const bullet = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: ListItem[] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (!m || /\d/.test(m[2]!) !== ordered || (ordered ? m[2]!.slice(-1) : m[2]) !== bullet) break;
    const content = m[1]!.length + m[2]!.length + Math.min(Math.max(m[3]!.length, 1), 4);
    const body: string[] = [m[4]!];
    i++;
    let previousBlank = false;
    while (i < lines.length) {
      const line = lines[i]!;
      if (blank(line)) {
        body.push("");
        previousBlank = true;
        i++;
        continue;
      }
      if (leadingSpaces(line) >= content) body.push(stripIndent(line, content));
      else if (!previousBlank && !LIST_ITEM.test(line) && !startsBlock(line, lines[i + 1]))
        body.push(line.trim()); // lazy continuation
      else break;
      previousBlank = false;
      i++;
    }
    while (body.length && blank(body[body.length - 1]!)) body.pop();
    const task = TASK.exec(body[0]!);
    if (task) body[0] = body[0]!.slice(task[0].length);
    items.push({ checked: task ? task[1] !== " " : null, children: parseLines(body, depth + 1) });
    // A blank line then something that is not the next item ends the list.
    if (i < lines.length && !LIST_ITEM.test(lines[i]!)) break;
  }
  blocks.push({ kind: "list", ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items });
  return i;
}

const leadingSpaces = (line: string) => line.match(/^[ \t]*/)![0].replace(/\t/g, "    ").length;

function parseTable(lines: string[], start: number, blocks: Block[]): number {
  const header = splitRow(lines[start]!);
  const align: Align[] = splitRow(lines[start + 1]!).map((cell) => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    return left && right ? "center" : right ? "right" : left ? "left" : null;
  });
  const rows: string[][] = [];
  let i = start + 2;
  while (i < lines.length && !blank(lines[i]!) && lines[i]!.includes("|")) {
    const cells = splitRow(lines[i++]!);
    rows.push(header.map((_, c) => cells[c] ?? ""));
  }
  blocks.push({ kind: "table", align: header.map((_, c) => align[c] ?? null), header, rows });
  return i;
}

/** The cells of a table row; `\|` is a literal pipe inside a cell. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && text[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (text[i] === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += text[i];
  }
  cells.push(cell.trim());
  return cells;
}
