import { isBlockElement, LiteElement, LiteText, type LiteNode } from "./lite-dom";

/**
 * Markdown escaping of text, done on the finished pre-pass tree instead of by turndown
 * (whose `escape` is overridden to pass text through, as its README suggests for custom
 * escaping). Turndown only sees one text node at a time, so it escapes "1. ", "- ", "#",
 * ">" at the start of every text node, which litters table cells and text after a label
 * ("| \> 1% |"). Here the position is known: line-start escapes apply only where the text
 * can actually start a line, and an underscore inside a word (snake_case) is left alone
 * since it cannot start emphasis.
 */
// [the character a pattern needs, the pattern, its replacement]
const INLINE: [string, RegExp, string][] = [
  ["\\", /\\/g, "\\\\"],
  ["*", /\*/g, "\\*"],
  ["_", /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_"],
  ["`", /`/g, "\\`"],
  ["[", /\[/g, "\\["],
  ["]", /\]/g, "\\]"],
  ["<", /<(?=[A-Za-z/!?])/g, "\\<"], // would be read as an HTML tag
];

const LINE_START: [RegExp, string][] = [
  [/^(\s*)([-+])(?=\s|$)/, "$1\\$2"], // bullet
  [/^(\s*)(-{3,}|={2,})(\s*)$/, "$1\\$2$3"], // thematic break / setext underline
  [/^(\s*)(#{1,6})(?=\s|$)/, "$1\\$2"], // heading
  [/^(\s*)(\d{1,9})([.)])(?=\s|$)/, "$1$2\\$3"], // ordered item
  [/^(\s*)>/, "$1\\>"], // block quote
  [/^(\s*)~~~/, "$1\\~~~"], // fence
];

const NEEDS_INLINE = /[\\*_`[\]<]/;
const MAY_START_BLOCK = /^\s*[-+#>=~\d]/;

export function escapeInline(text: string): string {
  if (!NEEDS_INLINE.test(text)) return text;
  let s = text;
  for (const [needs, re, to] of INLINE) if (s.includes(needs)) s = s.replace(re, to); // a search is cheaper than a replace
  return s;
}

const CONTAINERS = new Set(["DIV", "P", "LI", "BLOCKQUOTE"]);

function hasVisibleContent(node: LiteNode): boolean {
  if (node instanceof LiteText) return /\S/.test(node.data);
  return node.textContent.trim() !== "" || node.nodeName === "IMG" || node.getElementsByTagName("IMG").length > 0;
}

/** Whether text at the start of `node` begins a Markdown line. */
function startsLine(node: LiteNode): boolean {
  for (let p = node.previousSibling; p; p = p.previousSibling) {
    if (p.nodeName === "BR" || isBlockElement(p)) return true;
    if (hasVisibleContent(p)) return false;
  }
  const parent = node.parentNode;
  if (!parent) return true;
  if (CONTAINERS.has(parent.nodeName)) return true;
  if (parent.nodeName === "TD" || parent.nodeName === "TH" || isBlockElement(parent)) return false; // cells, headings
  return startsLine(parent);
}

function escapeText(node: LiteText): void {
  let s = escapeInline(node.data);
  if (MAY_START_BLOCK.test(s) && startsLine(node)) for (const [re, to] of LINE_START) s = s.replace(re, to);
  if (s !== node.data) node.data = s;
}

/** Escapes every text node outside code, in place. */
export function escapeTextNodes(el: LiteElement): void {
  for (const child of el.childNodes) {
    if (child instanceof LiteText) escapeText(child);
    else if (child.nodeName !== "CODE" && child.nodeName !== "PRE") escapeTextNodes(child);
  }
}
