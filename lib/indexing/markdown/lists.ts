import type { Element } from "domhandler";
import { el, htmlName, isBlankText, isBlockElement, LiteElement, moveChildren } from "./lite-dom";
import { attr, firstChildElement, isElement, tagName } from "./parse-storage";
import type { ElementHandler, Walker } from "./walker";

const NESTED_LISTS = new Set(["ul", "ol", "ac:task-list"]);

/**
 * `<li><p>text</p><ul>…</ul></li>` is how the editor writes plain items; unwrapping that
 * single paragraph keeps the Markdown list tight instead of one blank line per item.
 */
function unwrapLoneParagraph(li: LiteElement): void {
  const blocks = li.childNodes.filter(isBlockElement);
  const paragraphs = blocks.filter((b) => b.nodeName === "P");
  const onlyLists = blocks.every((b) => b.nodeName === "P" || b.nodeName === "UL" || b.nodeName === "OL");
  const p = paragraphs[0];
  if (paragraphs.length !== 1 || !onlyLists || li.childNodes.find((c) => !isBlankText(c)) !== p) return;
  while (p.firstChild) li.insertBefore(p.firstChild, p);
  li.removeChild(p);
}

/** The item a stray nested list belongs to: the previous one, or a new empty item. */
function lastItem(list: LiteElement): LiteElement {
  const last = list.lastElementChild;
  return last && last.nodeName === "LI" ? last : list.appendChild(el("LI"));
}

function buildItems(node: Element, list: LiteElement, w: Walker, itemTag: string, item: (child: Element) => void): void {
  for (const child of node.children) {
    const name = isElement(child) ? tagName(child) : "";
    if (isElement(child) && name === itemTag) item(child);
    else if (isElement(child) && NESTED_LISTS.has(name))
      w.append([child], lastItem(list)); // <ul><li/><ul>…</ul></ul>
    else {
      const holder = el("SPAN");
      w.append([child], holder);
      if (holder.childNodes.some((c) => !isBlankText(c))) moveChildren(holder, lastItem(list));
    }
  }
}

export const listItem: ElementHandler = (node, dst, w) => {
  const li = dst.appendChild(el("LI"));
  w.append(node.children, li);
  unwrapLoneParagraph(li);
};

/** `<ul>`/`<ol>`, with lists written directly inside a list moved into the item before. */
export const list: ElementHandler = (node, dst, w) => {
  const name = htmlName(tagName(node));
  const start = name === "OL" ? attr(node, "start") : undefined;
  const out = el(name, start ? { start } : {});
  buildItems(node, out, w, "li", (child) => listItem(child, out, w));
  if (out.childNodes.length) dst.appendChild(out);
};

/** `<ac:task-list>` → a list whose items carry their status for the task-item rule. */
export const taskList: ElementHandler = (node, dst, w) => {
  const out = el("UL", { "data-tasks": "" });
  buildItems(node, out, w, "ac:task", (task) => {
    const status = firstChildElement(task, "ac:task-status");
    const done = status?.children.some((c) => c.type === "text" && c.data.trim() === "complete") ?? false;
    const li = out.appendChild(el("LI", { "data-task": done ? "complete" : "incomplete" }));
    const body = firstChildElement(task, "ac:task-body");
    if (body) w.append(body.children, li);
    unwrapLoneParagraph(li);
  });
  if (out.childNodes.length) dst.appendChild(out);
};
