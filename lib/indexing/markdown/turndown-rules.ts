import TurndownService from "turndown";
import { collapseWhitespace } from "./collapse-whitespace";
import { escapeInline } from "./escape-text";
import type { LiteElement, LiteNode } from "./lite-dom";
import { indexRules, type NamedRule } from "./rule-index";

/**
 * Turndown with the rules for what the pre-pass emits. Rules receive our LiteElements
 * (see lite-dom.ts); the casts below are the one place that knows it.
 *
 * turndown-plugin-gfm is not used: its table rules keep tables without a `<th>` row as raw
 * HTML and do not escape `|` in cells, and its strikethrough writes single tildes, which
 * many Markdown renderers ignore. The GFM rules here cover both.
 */
type Replacement = (content: string, node: LiteElement) => string;

/** A rule for elements named `names` (and, with `when`, only those it accepts). */
function rule(service: TurndownService, key: string, names: readonly string[], replacement: Replacement, when?: (node: LiteElement) => boolean): void {
  const nameSet = new Set(names);
  const filter = (node: LiteElement) => nameSet.has(node.nodeName) && (!when || when(node));
  const named: NamedRule = {
    names: nameSet,
    filter: filter as unknown as TurndownService.FilterFunction,
    replacement: replacement as unknown as TurndownService.ReplacementFunction,
  };
  service.addRule(key, named);
}

/** Leading and trailing newlines removed (a loop: `\n+$` backtracks on long newline runs). */
function trimNewlines(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === "\n") start++;
  while (end > start && s[end - 1] === "\n") end--;
  return s.slice(start, end);
}

/** Line breaks with the whitespace around them as one space (the search first: most content has none). */
function joinLines(s: string): string {
  return s.includes("\n") ? s.replace(/\s*\n\s*/g, " ") : s;
}

const LINK_ESCAPED = /[<>()]/;

/**
 * Turndown's own inlineLink rule, with the same output, checking before each replace
 * whether it has anything to do (its destination escape ran a replace on every link).
 */
function inlineLink(content: string, node: LiteElement): string {
  const raw = node.getAttribute("href") ?? "";
  const escaped = LINK_ESCAPED.test(raw) ? raw.replace(/([<>()])/g, "\\$1") : raw;
  const href = escaped.includes(" ") ? `<${escaped}>` : escaped;
  let title = node.getAttribute("title") ?? "";
  if (title.includes("\n")) title = title.replace(/(\n+\s*)+/g, "\n");
  if (title.includes('"')) title = title.replace(/"/g, '\\"');
  return `[${content}](${href}${title ? ` "${title}"` : ""})`;
}

function closest(node: LiteElement, names: ReadonlySet<string>): LiteElement | null {
  for (let p = node.parentNode; p; p = p.parentNode) if (names.has(p.nodeName)) return p;
  return null;
}

function hasContent(sibling: LiteNode | null, step: (n: LiteNode) => LiteNode | null): boolean {
  for (let n = sibling; n; n = step(n)) {
    if (n.nodeType === 3 ? /\S/.test(n.data) : n.nodeName !== "BR") return true;
  }
  return false;
}

const CELLS = new Set(["TD", "TH"]);
const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);

/** Fenced code whose fence is longer than any backtick run inside, so content stays exact. */
function fencedCode(_content: string, node: LiteElement): string {
  const codeEl = node.firstChild as LiteElement;
  const code = codeEl.textContent.replace(/\n$/, "");
  const lang = (codeEl.getAttribute("data-lang") ?? "").replace(/[^\w#+.-]/g, "");
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `\n\n${fence}${lang}\n${code}\n${fence}\n\n`;
}

/**
 * Two lists in a row would read as one list in Markdown; CommonMark starts a new list when
 * the bullet (or the ordered delimiter) changes, so every other adjacent list alternates.
 */
function alternates(list: LiteElement): boolean {
  let n = 0;
  for (let p = list.previousSibling; p && p.nodeName === list.nodeName; p = p.previousSibling) n++;
  return n % 2 === 1;
}

function listItem(content: string, node: LiteElement): string {
  const parent = node.parentNode;
  const alt = parent ? alternates(parent) : false;
  let marker = alt ? "*" : "-";
  if (parent?.nodeName === "OL") {
    const start = Number(parent.getAttribute("start") ?? "1");
    const index = parent.childNodes.filter((c) => c.nodeName === "LI").indexOf(node);
    marker = `${(Number.isFinite(start) ? start : 1) + index}${alt ? ")" : "."}`;
  }
  const task = node.getAttribute("data-task");
  const checkbox = task === null ? "" : task === "complete" ? "[x] " : "[ ] ";
  const body = trimNewlines(content) + (content.endsWith("\n") ? "\n" : "");
  // Continuation lines align with the text after the marker; blank lines stay empty.
  const indented = body.replace(/\n(?=[^\n])/g, `\n${" ".repeat(marker.length + 1)}`);
  return `${marker} ${checkbox}${indented}${node.nextSibling ? "\n" : ""}`;
}

function buildService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
  });
  // Text arrives escaped already (escape-text.ts), with its position in mind.
  service.escape = (text: string) => text;
  rule(service, "strikethrough", ["S", "DEL", "STRIKE"], (content) => (content.trim() ? `~~${content}~~` : content));

  rule(service, "fencedCode", ["PRE"], fencedCode, (n) => n.firstChild?.nodeName === "CODE");
  rule(service, "listItem", ["LI"], listItem);
  rule(service, "heading", [...HEADINGS], (content, node) => {
    const text = joinLines(content).trim();
    return text ? `\n\n${"#".repeat(Number(node.nodeName[1]))} ${text}\n\n` : "";
  });
  rule(service, "blockquote", ["BLOCKQUOTE"], (content) => {
    const lines = trimNewlines(content).split("\n");
    return `\n\n${lines.map((l) => (l ? `> ${l}` : ">")).join("\n")}\n\n`;
  });
  rule(service, "lineBreak", ["BR"], (_content, node) => {
    if (closest(node, CELLS)) return "<br>";
    if (closest(node, HEADINGS)) return " ";
    // A break at the start or end of a block would leave a stray backslash.
    if (!hasContent(node.previousSibling, (n) => n.previousSibling) || !hasContent(node.nextSibling, (n) => n.nextSibling)) return "";
    return "\\\n";
  });
  rule(service, "image", ["IMG"], (_content, node) => {
    const src = node.getAttribute("src") ?? "";
    if (!src) return "";
    const alt = escapeInline((node.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim());
    const dest = LINK_ESCAPED.test(src) ? src.replace(/[<>()]/g, "\\$&") : src;
    return `![${alt}](${/\s/.test(dest) ? `<${dest}>` : dest})`;
  });
  rule(
    service,
    "status",
    ["SPAN"],
    (content) => `[${content.trim()}]`,
    (n) => n.getAttribute("data-status") !== null,
  );
  rule(
    service,
    "macroMarker",
    ["SPAN"],
    (_c, node) => `[macro: ${node.getAttribute("data-macro")}]`,
    (n) => n.getAttribute("data-macro") !== null,
  );

  rule(service, "inlineLink", ["A"], inlineLink, (n) => !!n.getAttribute("href"));

  rule(service, "gfmTable", ["TABLE"], (content) => `\n\n${trimNewlines(content)}\n\n`);
  rule(service, "gfmRow", ["TR"], (content, node) => {
    const row = `|${content}\n`;
    if (node.previousSibling) return row;
    const cells = node.childNodes.filter((c) => CELLS.has(c.nodeName)).length;
    return `${row}|${" --- |".repeat(cells)}\n`;
  });
  rule(service, "gfmCell", [...CELLS], (content) => {
    const trimmed = joinLines(content).trim();
    const text = trimmed.includes("|") ? trimmed.replace(/\|/g, "\\|") : trimmed;
    return text ? ` ${text} |` : " |";
  });
  indexRules(service);
  return service;
}

let service: TurndownService | undefined;

/**
 * Turns the pre-pass tree into Markdown (one shared service: rules hold no state).
 * Turndown clones its input and collapses the clone's whitespace before converting; the
 * tree is ours to change, so collapse-whitespace.ts does that pass in place, and the
 * "clone" turndown gets is the same children behind a root without `firstChild`, on which
 * its own pass returns at once. Turndown reads nothing else of the root.
 */
export function toMarkdown(root: LiteElement): string {
  service ??= buildService();
  collapseWhitespace(root);
  const collapsed = { firstChild: null, childNodes: root.childNodes };
  const input = { nodeType: 1, cloneNode: () => collapsed };
  return service.turndown(input as unknown as HTMLElement);
}
