import { decodeHTMLStrict } from "entities";
import { DomHandler, Parser, type Options } from "htmlparser2";
import type { ChildNode, Document, Element } from "domhandler";

/** What toLowerCase could change. A test first: toLowerCase is a runtime call, and names are slices of the input, slow to scan by index. */
const MAY_LOWER = /[A-Z\u0080-\uffff]/;

/** Lower case; storage is written in lower case, but be lenient. */
const lowerName = (name: string) => (MAY_LOWER.test(name) ? name.toLowerCase() : name);

/**
 * domhandler's tree builder with two hot spots changed: its `addNode` reads the last of
 * a parent's children before there are any (`children[-1]`), which takes V8's slow path for
 * every first child; and element names are lower-cased here, once per element, so
 * `tagName` (called several times per element) only reads them. Start and end indices
 * are not recorded (parseStorage asks for none).
 */
class StorageDomHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(lowerName(name), attribs);
  }

  protected override addNode(node: ChildNode): void {
    const parent = this.tagStack[this.tagStack.length - 1];
    const siblings = parent.children;
    const previous = siblings.length ? siblings[siblings.length - 1] : null;
    siblings.push(node);
    if (previous) {
      node.prev = previous;
      previous.next = node;
    }
    node.parent = parent;
    this.lastNode = null;
  }
}

const OPTIONS: Options = { xmlMode: true, decodeEntities: false, recognizeCDATA: true };

/**
 * Parses Confluence storage format (XHTML with `ac:`/`ri:` elements and CDATA).
 *
 * xmlMode keeps the tree exactly as written: HTML mode would apply implied end tags
 * (a `<p>` inside a macro body would close the paragraph around the macro). But xmlMode
 * decodes only the five XML entities, and storage is full of `&nbsp;`, `&rsquo;`…; so
 * entities are left alone here and decoded per text node and attribute with the HTML
 * entity table (`decodeText`, `attr`). CDATA text is never decoded.
 */
export function parseStorage(storage: string): Document {
  // What htmlparser2's parseDocument does, with the handler above.
  const handler = new StorageDomHandler(undefined, OPTIONS);
  new Parser(handler, OPTIONS).end(storage);
  return handler.root;
}

export function decodeText(raw: string): string {
  return raw.includes("&") ? decodeHTMLStrict(raw) : raw;
}

export function isElement(node: ChildNode | null | undefined): node is Element {
  return !!node && node.type === "tag";
}

/** Lower-case tag name; storage is written in lower case, but be lenient (parseStorage lower-cases every name). */
export function tagName(node: Element): string {
  return node.name;
}

export function attr(node: Element, name: string): string | undefined {
  const raw = node.attribs[name];
  return raw === undefined ? undefined : decodeText(raw);
}

export function childElements(node: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (const c of node.children) if (isElement(c) && (name === undefined || tagName(c) === name)) out.push(c);
  return out;
}

export function firstChildElement(node: Element, name: string): Element | undefined {
  for (const c of node.children) if (isElement(c) && tagName(c) === name) return c;
  return undefined;
}

/** Text of a storage subtree: text nodes decoded, CDATA verbatim. */
export function storageText(node: ChildNode): string {
  if (node.type === "text") return decodeText(node.data);
  if (node.type === "cdata") return node.children.map((c) => (c.type === "text" ? c.data : "")).join("");
  if (node.type === "tag") return node.children.map(storageText).join("");
  return "";
}

/** Finds the first descendant element with one of the given names (depth first). */
export function findDescendant(node: Element, names: ReadonlySet<string>): Element | undefined {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (names.has(tagName(c))) return c;
    const deeper = findDescendant(c, names);
    if (deeper) return deeper;
  }
  return undefined;
}
