import { LiteElement, LiteText } from "./lite-dom";

/**
 * Turndown's whitespace pass (its `collapseWhitespace`, adapted by turndown from
 * collapse-whitespace by Luc Thevenard, MIT licence), done here on the lite DOM with the
 * same result, so turndown's own pass can be skipped (`toMarkdown` hands it a root with no
 * `firstChild`, on which that pass returns at once). Turndown's generic version looks every
 * node up in two lists of names, twice per element, and runs a replace on every text node;
 * here sets are consulted and the replace only runs where a run of whitespace exists.
 *
 * The rules, in document order: runs of ASCII whitespace become one space; a text node's
 * leading space goes when the text before it ends in a space or a block, `<br>` or the
 * start came before it (but not right after an inline void element such as an image); a
 * block or `<br>` (on entering it and, when it has children, on leaving it) strips the
 * trailing space of the text before it; text left empty is removed. `<pre>` is not entered.
 */
// turndown's blockElements and voidElements
// prettier-ignore
const BLOCK = new Set(["ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "BLOCKQUOTE", "BODY", "CANVAS", "CENTER", "DD", "DIR", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "FRAMESET", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML",
  "ISINDEX", "LI", "MAIN", "MENU", "NAV", "NOFRAMES", "NOSCRIPT", "OL", "OUTPUT", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TFOOT",
  "TH", "THEAD", "TR", "UL"]);
// prettier-ignore
const VOID = new Set(["AREA", "BASE", "BR", "COL", "COMMAND", "EMBED", "HR", "IMG", "INPUT", "KEYGEN", "LINK", "META", "PARAM", "SOURCE", "TRACK", "WBR"]);

/** A tab, newline, carriage return or two spaces: only then is there a run to collapse. */
const RUN = /[\t\n\r]| {2}/;

const withoutTrailingSpace = (s: string) => (s.endsWith(" ") ? s.slice(0, -1) : s);

/** The walk's state: the last text kept, and whether a leading space after it stays. A class: tsx names closures as they are created. */
class Collapser {
  prevText: LiteText | null = null;
  keepLeadingWs = false;

  /** What turndown does on entering an element and, if it had children, on leaving it. */
  edge(name: string): void {
    if (BLOCK.has(name) || name === "BR") {
      if (this.prevText) this.prevText.data = withoutTrailingSpace(this.prevText.data);
      this.prevText = null;
      this.keepLeadingWs = false;
    } else if (VOID.has(name) || name === "PRE") {
      this.prevText = null;
      this.keepLeadingWs = true;
    } else if (this.prevText) {
      this.keepLeadingWs = false;
    }
  }

  walk(el: LiteElement): void {
    const children = el.childNodes;
    for (let i = 0; i < children.length;) {
      const node = children[i];
      if (node instanceof LiteText) {
        let text = node.data;
        if (RUN.test(text)) text = text.replace(/[ \r\n\t]+/g, " ");
        if (text.charCodeAt(0) === 32 && !this.keepLeadingWs && (!this.prevText || this.prevText.data.endsWith(" "))) text = text.slice(1);
        if (!text) {
          el.removeChild(node); // the next child moves up to index i
          continue;
        }
        node.data = text;
        this.prevText = node;
      } else {
        this.edge(node.nodeName);
        if (node.nodeName !== "PRE" && node.childNodes.length) {
          this.walk(node);
          this.edge(node.nodeName);
        }
      }
      i++;
    }
  }
}

/** Collapses the whitespace of the tree under `root` in place, exactly as turndown would. */
export function collapseWhitespace(root: LiteElement): void {
  if (!root.childNodes.length || root.nodeName === "PRE") return;
  const c = new Collapser();
  c.walk(root);
  if (c.prevText) {
    const last = c.prevText;
    last.data = withoutTrailingSpace(last.data);
    if (!last.data) last.parentNode?.removeChild(last);
  }
}
