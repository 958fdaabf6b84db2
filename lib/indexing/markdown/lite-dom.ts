/**
 * A minimal DOM that turndown can walk. Turndown accepts a DOM node instead of an HTML
 * string; handing it our own tree skips serialising the pre-pass output and re-parsing it
 * with domino, which measured about five times slower (mostly allocation and GC).
 *
 * It implements only what turndown 7.2 and our rules read: node types and names,
 * sibling/parent links, `childNodes`, `data`/`nodeValue`, `textContent`,
 * `getElementsByTagName(..).length`, `getAttribute`, `lastElementChild` and `removeChild`.
 * Turndown never sees the root itself: `toMarkdown` hands it a stand-in (see there).
 * The golden tests pin this contract; re-run them when upgrading turndown.
 */
export type LiteNode = LiteText | LiteElement;

/** Shared by every element without attributes (most of them); attributes never change after construction. */
export const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

abstract class LiteBase {
  parentNode: LiteElement | null = null;
  previousSibling: LiteNode | null = null;
  nextSibling: LiteNode | null = null;
  // Turndown writes these on every node it visits; declaring them keeps one object shape
  // per class, so its property reads and writes stay fast (monomorphic).
  isBlock = false;
  isCode = false;
  isBlank = false;
  flankingWhitespace: { leading: string; trailing: string } | null = null;
}

export class LiteText extends LiteBase {
  readonly nodeType = 3;
  readonly nodeName = "#text";
  #data: string;
  constructor(data: string) {
    super();
    this.#data = data;
  }
  get data(): string {
    return this.#data;
  }
  set data(value: string) {
    if (value === this.#data) return; // turndown writes every text node back, mostly unchanged
    this.#data = value;
    this.parentNode?.textChanged();
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
}

export class LiteElement extends LiteBase {
  readonly nodeType = 1;
  readonly childNodes: LiteNode[] = [];
  constructor(
    /** Upper-case HTML tag name, as browsers report it. */
    readonly nodeName: string,
    readonly attrs: Readonly<Record<string, string>> = NO_ATTRS,
  ) {
    super();
  }

  // Index checks first: reading past the end (childNodes[-1]) takes V8's slow path.
  get firstChild(): LiteNode | null {
    return this.childNodes.length ? this.childNodes[0] : null;
  }
  get lastChild(): LiteNode | null {
    const n = this.childNodes.length;
    return n ? this.childNodes[n - 1] : null;
  }
  get lastElementChild(): LiteElement | null {
    for (let i = this.childNodes.length - 1; i >= 0; i--) {
      const c = this.childNodes[i];
      if (c instanceof LiteElement) return c;
    }
    return null;
  }
  /**
   * Turndown reads the text of every node (blank checks, flanking whitespace), which is
   * quadratic in nesting depth without a cache. The cache is dropped up the tree on any
   * change; a cached element always has cached children, so the walk stops early.
   */
  #text: string | undefined;
  get textContent(): string {
    if (this.#text === undefined) {
      let s = "";
      for (const c of this.childNodes) s += c.textContent;
      this.#text = s;
    }
    return this.#text;
  }
  textChanged(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts here and climbs the parents
    for (let p: LiteElement | null = this; p && p.#text !== undefined; p = p.parentNode) p.#text = undefined;
  }

  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null;
  }

  getElementsByTagName(name: string, found: LiteElement[] = []): LiteElement[] {
    for (const c of this.childNodes) {
      if (c instanceof LiteElement) {
        if (c.nodeName === name) found.push(c);
        c.getElementsByTagName(name, found);
      }
    }
    return found;
  }

  appendChild<T extends LiteNode>(node: T): T {
    if (node.parentNode) node.parentNode.removeChild(node);
    const last = this.lastChild;
    node.parentNode = this;
    node.previousSibling = last;
    node.nextSibling = null;
    if (last) last.nextSibling = node;
    this.childNodes.push(node);
    this.textChanged();
    return node;
  }

  insertBefore<T extends LiteNode>(node: T, ref: LiteNode): T {
    if (node.parentNode) node.parentNode.removeChild(node);
    const i = this.childNodes.indexOf(ref);
    if (i < 0) return this.appendChild(node);
    const prev = ref.previousSibling;
    this.childNodes.splice(i, 0, node);
    node.parentNode = this;
    node.previousSibling = prev;
    node.nextSibling = ref;
    ref.previousSibling = node;
    if (prev) prev.nextSibling = node;
    this.textChanged();
    return node;
  }

  removeChild<T extends LiteNode>(node: T): T {
    const i = this.childNodes.indexOf(node);
    if (i < 0) return node;
    this.childNodes.splice(i, 1);
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    node.parentNode = node.previousSibling = node.nextSibling = null;
    this.textChanged();
    return node;
  }

  /** A real deep copy, for content repeated in the output (a table cell spanning rows). */
  deepCopy(): LiteElement {
    const copy = new LiteElement(this.nodeName, { ...this.attrs });
    for (const c of this.childNodes) copy.appendChild(c instanceof LiteElement ? c.deepCopy() : new LiteText(c.data));
    return copy;
  }
}

// prettier-ignore
const HTML_NAMES = new Map(
  ["A", "ABBR", "ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "B", "BLOCKQUOTE", "BODY", "BR", "CANVAS", "CAPTION", "CENTER", "CITE",
   "CODE", "DD", "DEL", "DFN", "DIR", "DIV", "DL", "DT", "EM", "FIELDSET", "FIGCAPTION", "FIGURE", "FONT", "FOOTER", "FORM",
   "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "I", "IFRAME", "IMG", "INS", "KBD", "LI", "MAIN", "MARK", "NAV", "OL",
   "P", "PRE", "Q", "S", "SAMP", "SECTION", "SMALL", "SPAN", "STRIKE", "STRONG", "SUB", "SUP", "TABLE", "TBODY", "TD", "TFOOT",
   "TH", "THEAD", "TIME", "TR", "TT", "U", "UL", "VAR", "VIDEO"].map((name) => [name.toLowerCase(), name]),
);

/**
 * The upper-case name for a lower-case storage tag. Known names come back as the string
 * literals above: V8 compares interned strings by identity, and turndown looks every node's
 * name up in lists of block and void elements.
 */
export function htmlName(tag: string): string {
  return HTML_NAMES.get(tag) ?? tag.toUpperCase();
}

export function el(name: string, attrs: Readonly<Record<string, string>> = NO_ATTRS, children: readonly (LiteNode | string)[] = []): LiteElement {
  const e = new LiteElement(name, attrs);
  for (const c of children) e.appendChild(typeof c === "string" ? new LiteText(c) : c);
  return e;
}

/** Moves every child of `from` to the end of `to`. */
export function moveChildren(from: LiteElement, to: LiteElement): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

const BLOCKS = new Set(["P", "DIV", "UL", "OL", "TABLE", "PRE", "BLOCKQUOTE", "HR", "H1", "H2", "H3", "H4", "H5", "H6"]);

export function isBlockElement(node: LiteNode): node is LiteElement {
  return node instanceof LiteElement && BLOCKS.has(node.nodeName);
}

export function isBlankText(node: LiteNode): boolean {
  return node instanceof LiteText && !/\S/.test(node.data);
}
