import type { Element } from "domhandler";
import { encodeSegment } from "./convert-context";
import { resolveTarget, targetNode } from "./links";
import { el, type LiteElement } from "./lite-dom";
import { attr, findDescendant, firstChildElement, isElement, storageText, tagName } from "./parse-storage";
import { appendLine, appendText, needsParagraph, type ElementHandler, type Walker } from "./walker";

/** A macro in either form: `<ac:structured-macro>` (current) or `<ac:macro>` (pre-2012 pages). */
type Macro = { name: string; params: Map<string, Element>; rich?: Element; plain?: string };
type MacroHandler = (m: Macro, dst: LiteElement, w: Walker) => void;

function readMacro(node: Element): Macro {
  const m: Macro = { name: (attr(node, "ac:name") ?? "").trim().toLowerCase(), params: new Map() };
  for (const c of node.children) {
    if (!isElement(c)) continue;
    const name = tagName(c);
    // Parameter names are camelCase in storage ("jqlQuery"); compare them in lower case.
    if (name === "ac:parameter") m.params.set((attr(c, "ac:name") ?? "").toLowerCase(), c);
    else if (name === "ac:default-parameter" && !m.params.has("")) m.params.set("", c);
    else if (name === "ac:rich-text-body") m.rich = c;
    else if (name === "ac:plain-text-body") m.plain = storageText(c).replace(/\r\n?/g, "\n");
  }
  return m;
}

function param(m: Macro, ...names: string[]): string | undefined {
  for (const name of names) {
    const p = m.params.get(name);
    const text = p ? storageText(p).trim() : "";
    if (text) return text;
  }
  return undefined;
}

function appendBody(m: Macro, dst: LiteElement, w: Walker): void {
  if (m.rich) w.append(m.rich.children, dst);
  else if (m.plain?.trim()) appendLine(dst, m.plain);
}

/** A fenced code block; the code rule picks a fence longer than any backtick run inside. */
function codeBlock(dst: LiteElement, code: string, language = "", title?: string): void {
  if (title) dst.appendChild(el("P", {}, [el("STRONG", {}, [title])]));
  dst.appendChild(el("PRE", {}, [el("CODE", { "data-lang": language === "none" ? "" : language }, [code])]));
}

// The body is CDATA in practice; a rich body (hand-edited storage) still keeps its text.
const codeText = (m: Macro) => m.plain ?? (m.rich ? storageText(m.rich) : "");

const code: MacroHandler = (m, dst) => {
  codeBlock(dst, codeText(m), param(m, "language", "")?.toLowerCase(), param(m, "title"));
};

const noformat: MacroHandler = (m, dst) => codeBlock(dst, codeText(m), "", param(m, "title"));

const CALLOUT_KINDS: Record<string, string> = { info: "Info", note: "Note", tip: "Tip", warning: "Warning", panel: "Panel" };

/** A block quote led by "**Kind: Title**" (or "**Kind**"), so the kind survives as text. */
const callout: MacroHandler = (m, dst, w) => {
  const kind = CALLOUT_KINDS[m.name] ?? m.name;
  const title = param(m, "title");
  const quote = el("BLOCKQUOTE", {}, [el("P", {}, [el("STRONG", {}, [title ? `${kind}: ${title}` : kind])])]);
  appendBody(m, quote, w);
  dst.appendChild(quote);
};

const expand: MacroHandler = (m, dst, w) => {
  const title = param(m, "title");
  if (title) dst.appendChild(el("P", {}, [el("STRONG", {}, [title])]));
  appendBody(m, dst, w);
};

const status: MacroHandler = (m, dst) => {
  const title = param(m, "title");
  if (title) appendLine(dst, el("SPAN", { "data-status": "" }, [title]));
};

const jira: MacroHandler = (m, dst, w) => {
  const key = param(m, "key");
  if (key) appendLine(dst, el("A", { href: `${w.ctx.site}/browse/${encodeSegment(key)}` }, [key]));
  else if (param(m, "jqlquery")) appendLine(dst, `Jira query: ${param(m, "jqlquery")}`);
  else unknown(m, dst, w);
};

/** Content that only navigates (generated from other pages) or marks a place: no text of its own. */
const dropped: MacroHandler = () => {};

/** Wrappers whose body is the content. */
const transparent: MacroHandler = appendBody;

const RESOURCES = new Set(["ri:page", "ri:blog-post", "ri:attachment", "ri:user", "ri:space", "ri:url", "ri:content-entity"]);

/**
 * Any other macro: a `[macro: name]` marker (followed by whatever its parameters link
 * to, such as the page an include shows), then its body; a plain-text body becomes a code
 * block so its content stays exact. Nothing silently disappears.
 */
function unknown(m: Macro, dst: LiteElement, w: Walker): void {
  const line = needsParagraph(dst) ? dst.appendChild(el("P")) : dst;
  const name = m.name.replace(/[^\p{L}\p{N}:_.-]+/gu, "-") || "unnamed"; // the marker is written unescaped
  line.appendChild(el("SPAN", { "data-macro": name }, [name]));
  for (const p of m.params.values()) {
    const res = RESOURCES.has(tagName(p)) ? p : findDescendant(p, RESOURCES);
    if (!res) continue;
    appendText(line, " ");
    line.appendChild(targetNode(resolveTarget(res, w)));
  }
  if (line === dst && (m.rich || m.plain)) appendText(line, " ");
  if (m.rich) w.append(m.rich.children, dst);
  else if (m.plain !== undefined) codeBlock(dst, m.plain);
}

const MACROS = new Map<string, MacroHandler>([
  ["code", code],
  ["noformat", noformat],
  ["info", callout],
  ["note", callout],
  ["tip", callout],
  ["warning", callout],
  ["panel", callout],
  ["expand", expand],
  ["status", status],
  ["jira", jira],
]);
const NAVIGATION = [
  "toc",
  "children",
  "pagetree",
  "pagetreesearch",
  "recently-updated",
  "contentbylabel",
  "livesearch",
  "anchor",
  "blog-posts",
  "detailssummary",
  "listlabels",
  "popular-labels",
  "related-labels",
];
for (const name of NAVIGATION) MACROS.set(name, dropped);
for (const name of ["toc-zone", "excerpt", "section", "column", "details", "div", "span"]) MACROS.set(name, transparent);

export const macro: ElementHandler = (node, dst, w) => {
  const m = readMacro(node);
  (MACROS.get(m.name) ?? unknown)(m, dst, w);
};

/**
 * `<ac:adf-extension>` (content from the new editor that storage cannot express, such as
 * decision lists): its `ac:adf-fallback` is the HTML Confluence itself shows old clients.
 */
export const adfExtension: ElementHandler = (node, dst, w) => {
  const fallback = firstChildElement(node, "ac:adf-fallback");
  if (fallback) return w.append(fallback.children, dst);
  const content = findDescendant(node, new Set(["ac:adf-content"]));
  if (content) w.append(content.children, dst);
};
