/**
 * A minimal DOM that turndown can walk. Turndown accepts a DOM node instead of an HTML
 * string; handing it our own tree skips serialising the pre-pass output and re-parsing it
 * with domino, which measured about five times slower (mostly allocation and GC).
 *
 * It implements only what turndown 7.2 and our rules read: node types and names,
 * sibling/parent links, `childNodes`, `data`/`nodeValue`, `textContent`,
 * `getElementsByTagName(..).length`, `getAttribute`, `lastElementChild`, `removeChild`
 * and `cloneNode` (turndown clones the root before collapsing whitespace; the tree is
 * built per conversion and thrown away, so the root is handed over as is).
 * The golden tests pin this contract; re-run them when upgrading turndown.
 */
export type LiteNode = LiteText | LiteElement;

abstract class LiteBase {
  parentNode: LiteElement | null = null;
  previousSibling: LiteNode | null = null;
  nextSibling: LiteNode | null = null;
  // Turndown also writes its own flags (isBlock, isCode, isBlank, flankingWhitespace) here.
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
    readonly attrs: Record<string, string> = {},
  ) {
    super();
  }

  get firstChild(): LiteNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): LiteNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
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

  getElementsByTagName(name: string): LiteElement[] {
    const found: LiteElement[] = [];
    const walk = (el: LiteElement) => {
      for (const c of el.childNodes) {
        if (c instanceof LiteElement) {
          if (c.nodeName === name) found.push(c);
          walk(c);
        }
      }
    };
    walk(this);
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

  cloneNode(): this {
    return this;
  }

  /** A real deep copy, for content repeated in the output (a table cell spanning rows). */
  deepCopy(): LiteElement {
    const copy = new LiteElement(this.nodeName, { ...this.attrs });
    for (const c of this.childNodes) copy.appendChild(c instanceof LiteElement ? c.deepCopy() : new LiteText(c.data));
    return copy;
  }
}

export function el(name: string, attrs: Record<string, string> = {}, children: (LiteNode | string)[] = []): LiteElement {
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
