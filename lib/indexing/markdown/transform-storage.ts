import type { ChildNode, Document, Element } from "domhandler";
import type { ResolvedContext } from "./convert-context";
import { emoticon } from "./emoticons";
import { image, link, resource } from "./links";
import { listItem, list, taskList } from "./lists";
import { el, htmlName, isBlockElement, LiteElement, NO_ATTRS } from "./lite-dom";
import { adfExtension, macro } from "./macros";
import { attr, decodeText, storageText, tagName } from "./parse-storage";
import { table } from "./tables";
import { appendText, isInline, type ElementHandler, type Walker } from "./walker";

/** Confluence elements. Any other `ac:`/`ri:` element keeps its content (never vanishes). */
const CONFLUENCE = new Map<string, ElementHandler>(
  Object.entries({
    "ac:structured-macro": macro,
    "ac:macro": macro,
    "ac:link": link,
    "ac:image": image,
    "ac:emoticon": emoticon,
    "ac:task-list": taskList,
    "ac:adf-extension": adfExtension,
    "ac:placeholder": () => {},
    "ac:parameter": () => {}, // only meaningful to its macro
    "ri:page": resource,
    "ri:blog-post": resource,
    "ri:attachment": resource,
    "ri:user": resource,
    "ri:space": resource,
    "ri:url": resource,
    "ri:content-entity": resource,
  } satisfies Record<string, ElementHandler>),
);

const LINK_ATTRS = ["href", "title"];
const IMAGE_ATTRS = ["src", "alt", "title"];

const HTML = new Map<string, ElementHandler>(
  Object.entries({
    table,
    ul: list,
    ol: list,
    li: listItem,
    pre: (node, dst) => {
      dst.appendChild(el("PRE", {}, [el("CODE", {}, [storageText(node).replace(/\r\n?/g, "\n")])]));
    },
    time: (node, dst, w) => {
      const when = attr(node, "datetime");
      if (when) appendText(dst, when);
      else w.append(node.children, dst);
    },
    br: (_node, dst) => {
      dst.appendChild(el("BR"));
    },
    a: (node, dst, w) => copyElement(node, dst, w, LINK_ATTRS, "a"),
    img: (node, dst, w) => copyElement(node, dst, w, IMAGE_ATTRS, "img"),
  } satisfies Record<string, ElementHandler>),
);

/** One lookup per element: the two tables share no name (`ac:`/`ri:` against HTML). */
const HANDLERS = new Map([...CONFLUENCE, ...HTML]);

/** Elements without readable content. */
const DROPPED = new Set(["colgroup", "col", "script", "style", "meta", "link", "head", "title"]);

function copyElement(node: Element, dst: LiteElement, w: Walker, keep: readonly string[] = [], name = tagName(node)): void {
  let attrs: Record<string, string> | undefined;
  for (const key of keep) {
    const v = attr(node, key);
    if (v !== undefined) (attrs ??= {})[key] = v;
  }
  const copy = dst.appendChild(new LiteElement(htmlName(name), attrs ?? NO_ATTRS));
  w.append(node.children, copy);
}

function appendNode(node: ChildNode, dst: LiteElement, w: Walker): void {
  switch (node.type) {
    case "text": {
      // Layout whitespace between blocks (pretty-printed storage) would only be removed
      // again by turndown; skipping it saves nodes.
      if (!isInline(dst) && (!dst.lastChild || isBlockElement(dst.lastChild)) && !/\S/.test(node.data)) return;
      // No-break spaces are formatting in Confluence (the editor inserts them freely);
      // as plain spaces they collapse like any other and never leave trailing blanks.
      const text = decodeText(node.data);
      appendText(dst, text.includes("\u00a0") ? text.replace(/\u00a0/g, " ") : text);
      return;
    }
    case "cdata":
      appendText(dst, storageText(node));
      return;
    case "tag": {
      const name = tagName(node);
      const handler = HANDLERS.get(name);
      if (handler) handler(node, dst, w);
      else if (name.startsWith("ac:") || name.startsWith("ri:")) w.append(node.children, dst);
      else if (!DROPPED.has(name)) copyElement(node, dst, w, undefined, name);
      return;
    }
    default:
      return; // comments, processing instructions, doctype
  }
}

/** Rewrites a parsed storage document into plain HTML for turndown. */
export function transformStorage(doc: Document, ctx: ResolvedContext): LiteElement {
  const w: Walker = {
    ctx,
    append(nodes, dst) {
      for (let i = 0; i < nodes.length; i++) appendNode(nodes[i], dst, w);
    },
  };
  const root = new LiteElement("DIV");
  w.append(doc.children, root);
  return root;
}
