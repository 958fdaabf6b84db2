/**
 * Splitting one block that is larger than a chunk. Text splits at the coarsest boundary
 * that works: lines, then sentences (including 。！？ which need no space after them),
 * then words, and a hard cut only for a run with no boundary at all (long URLs, text in
 * languages written without spaces). Pieces keep their text; only whitespace at the
 * boundaries is dropped.
 */
const SPLITTERS: ((s: string) => string[])[] = [(s) => s.split(/(?<=\n)/), splitSentences, (s) => s.split(/(?<=\s)/)];

const SENTENCE_END = new Set([...".!?。！？"]);
const FULL_WIDTH_END = new Set([..."。！？"]);
const CLOSERS = new Set([..."\"'”’»)]"]);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Sentences: cut after an end mark, any closing quotes or brackets, and the whitespace after
 * them; after 。！？ also when no space follows. A scan, not a look-behind pattern, which
 * backtracks quadratically over long runs of spaces.
 */
function splitSentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.has(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (isSpace(text[end])) {
      while (isSpace(text[end])) end++;
    } else if (!(FULL_WIDTH_END.has(text[i]!) && end === i + 1 && end < text.length)) continue;
    if (end < text.length) parts.push(text.slice(start, end));
    else break;
    start = end;
    i = end - 1;
  }
  parts.push(text.slice(start));
  return parts;
}

const tidy = (s: string) => s.replace(/^\s*\n/, "").trimEnd();

/** Cuts into pieces of at most `size` UTF-16 units (`first` for the first) without separating a surrogate pair. */
export function hardCut(text: string, size: number, first = size): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + Math.max(1, out.length ? size : first), text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/** Pieces of at most `budget` characters; the first at most `first` (room left in a chunk). */
export function splitText(text: string, budget: number, first = budget, level = 0): string[] {
  if (text.length <= first) return [text];
  if (level >= SPLITTERS.length) return hardCut(text, budget, first);
  const parts = SPLITTERS[level](text);
  if (parts.length < 2) return splitText(text, budget, first, level + 1);
  const out: string[] = [];
  const limit = () => (out.length ? budget : first);
  let current = "";
  for (const part of parts) {
    // Cheap answers first: tidying only shrinks, and trailing whitespace never adds to it.
    // Re-tidying the whole piece for every part is quadratic on long runs of spaces.
    const fits = current.length + part.length <= limit() || (part.trim() === "" && current !== "") || tidy(current + part).length <= limit();
    if (fits) {
      current += part;
      continue;
    }
    if (tidy(current)) out.push(tidy(current));
    current = "";
    if (tidy(part).length > limit()) out.push(...splitText(tidy(part), budget, limit(), level + 1));
    else current = part;
  }
  if (tidy(current)) out.push(tidy(current));
  return out;
}

/**
 * A fenced code block too large for one chunk: split between lines, each piece closed and
 * reopened with the same fence and language so every chunk stays valid Markdown.
 */
export function splitCode(open: string, body: string[], close: string, budget: number, first = budget): string[] {
  const overhead = open.length + close.length + 2;
  if (budget - overhead < 20) return splitText([open, ...body, close].join("\n"), budget, first);
  const limit = (pieces: number) => (pieces ? budget : first) - overhead;
  const lines = body.flatMap((line) => (line.length > budget - overhead ? hardCut(line, budget - overhead) : [line]));
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const add = (current.length ? 1 : 0) + line.length;
    if (current.length && size + add > limit(pieces.length)) {
      pieces.push(current.join("\n"));
      current = [];
      size = 0;
    }
    size += (current.length ? 1 : 0) + line.length;
    current.push(line);
  }
  if (current.length) pieces.push(current.join("\n"));
  return pieces.map((piece) => `${open}\n${piece}\n${close}`);
}
