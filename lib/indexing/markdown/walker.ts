import type { ChildNode, Element } from "domhandler";
import type { ResolvedContext } from "./convert-context";
import { LiteElement, LiteText } from "./lite-dom";

/**
 * The pre-pass walks the storage tree and builds plain HTML (as a LiteElement tree) for
 * turndown. Handlers for Confluence elements and macros get the walker to convert their
 * bodies, so they never import the dispatcher (no import cycles).
 */
export interface Walker {
  ctx: ResolvedContext;
  /** Converts storage nodes and appends the result to `dst`. */
  append(nodes: readonly ChildNode[], dst: LiteElement): void;
}

export type ElementHandler = (node: Element, dst: LiteElement, w: Walker) => void;

/** Appends text, merging with a preceding text node (fewer nodes for turndown to visit). */
export function appendText(dst: LiteElement, text: string): void {
  if (!text) return;
  const last = dst.lastChild;
  if (last instanceof LiteText) last.data += text;
  else dst.appendChild(new LiteText(text));
}

const INLINE_CONTAINERS = new Set(["P", "SPAN", "A", "STRONG", "B", "EM", "I", "U", "S", "DEL", "SUB", "SUP", "CODE", "H1", "H2", "H3", "H4", "H5", "H6"]);

/** True when `dst` holds phrasing content, so a handler should emit inline markup. */
export function isInline(dst: LiteElement): boolean {
  return INLINE_CONTAINERS.has(dst.nodeName);
}

const ITEM_CONTAINERS = new Set(["LI", "TD", "TH"]);

/**
 * Whether inline content from a block-level macro or image needs its own paragraph here:
 * yes at the top level or in a quote (else it would run into the text before it), no
 * inside a paragraph, a list item or a table cell (a paragraph there would break the item
 * or turn the cell into block content).
 */
export function needsParagraph(dst: LiteElement): boolean {
  return !isInline(dst) && !ITEM_CONTAINERS.has(dst.nodeName);
}

/** Inline content, in a paragraph of its own where `needsParagraph` says so. */
export function appendLine(dst: LiteElement, content: LiteElement | string): void {
  const holder = needsParagraph(dst) ? dst.appendChild(new LiteElement("P")) : dst;
  if (typeof content === "string") appendText(holder, content);
  else holder.appendChild(content);
}
