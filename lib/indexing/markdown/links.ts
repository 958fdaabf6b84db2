import type { Element } from "domhandler";
import { attachmentUrl, encodeSegment, resolvePage, type PageRef } from "./convert-context";
import { el, LiteElement, type LiteNode } from "./lite-dom";
import { attr, firstChildElement, isElement, storageText, tagName } from "./parse-storage";
import { appendText, needsParagraph, type ElementHandler, type Walker } from "./walker";

const RESOURCES = new Set(["ri:page", "ri:blog-post", "ri:attachment", "ri:user", "ri:space", "ri:url", "ri:content-entity", "ri:shortcut"]);

/** Where a resource points and what to call it when the link has no text of its own. */
export type Target = {
  text: string;
  url?: string;
  mention?: boolean;
  /** An attachment whose URL is its document's page, not the file (so not an image source). */
  viaPage?: boolean;
};

function pageRef(res: Element, w: Walker): PageRef {
  return {
    title: attr(res, "ri:content-title") ?? "",
    spaceKey: attr(res, "ri:space-key") ?? w.ctx.spaceKey ?? "",
    type: tagName(res) === "ri:blog-post" ? "blogpost" : "page",
    postingDay: attr(res, "ri:posting-day"),
  };
}

/**
 * An attachment of this document downloads from the site by content id. One inside an
 * ri:page / ri:blog-post container belongs to another document whose id the storage does
 * not say, so it links to that document instead (its page or /display/ URL).
 */
function attachmentTarget(res: Element, w: Walker): Target {
  const fileName = attr(res, "ri:filename") ?? "";
  const container = res.children.find(isElement);
  if (container && (tagName(container) === "ri:page" || tagName(container) === "ri:blog-post")) {
    return { text: fileName, url: resolvePage(w.ctx, pageRef(container, w))?.url, viaPage: true };
  }
  const id = container && tagName(container) === "ri:content-entity" ? attr(container, "ri:content-id") : w.ctx.contentId;
  return { text: fileName, url: id && fileName ? attachmentUrl(w.ctx, id, fileName) : undefined };
}

export function resolveTarget(res: Element, w: Walker): Target {
  const { site } = w.ctx;
  switch (tagName(res)) {
    case "ri:user": {
      const id = attr(res, "ri:account-id") ?? attr(res, "ri:userkey") ?? attr(res, "ri:username") ?? "";
      return { text: `@${w.ctx.userName?.(id) ?? id}`, mention: true };
    }
    case "ri:page":
    case "ri:blog-post": {
      const ref = pageRef(res, w);
      const page = resolvePage(w.ctx, ref);
      return { text: page?.title ?? ref.title, url: page?.url };
    }
    case "ri:attachment":
      return attachmentTarget(res, w);
    case "ri:space": {
      const key = attr(res, "ri:space-key") ?? "";
      return { text: key, url: key ? `${site}/wiki/spaces/${encodeSegment(key)}` : undefined };
    }
    case "ri:url": {
      const url = attr(res, "ri:value") ?? "";
      return { text: url, url: url || undefined };
    }
    case "ri:content-entity": {
      const id = attr(res, "ri:content-id") ?? "";
      return { text: id, url: id ? `${site}/wiki/pages/viewpage.action?pageId=${encodeSegment(id)}` : undefined };
    }
    default:
      return { text: [attr(res, "ri:key"), attr(res, "ri:parameter")].filter(Boolean).join(" ") };
  }
}

/** A link element for the target, or its text when there is nowhere to point. */
export function targetNode(target: Target, label?: LiteElement): LiteNode {
  const hasLabel = label && (label.textContent.trim() !== "" || label.getElementsByTagName("IMG").length > 0);
  const content = hasLabel ? label : el("SPAN", {}, [target.text]);
  if (!target.url || target.mention) return content;
  const a = el("A", { href: target.url });
  while (content.firstChild) a.appendChild(content.firstChild);
  return a;
}

function linkLabel(node: Element, w: Walker): LiteElement | undefined {
  const plain = firstChildElement(node, "ac:plain-text-link-body");
  if (plain) return el("SPAN", {}, [storageText(plain)]);
  const rich = firstChildElement(node, "ac:link-body");
  if (!rich) return undefined;
  const span = el("SPAN");
  w.append(rich.children, span);
  return span;
}

/** `<ac:link>`: mentions, page/blog-post/attachment/space links, and in-page anchors. */
export const link: ElementHandler = (node, dst, w) => {
  const res = node.children.find((c): c is Element => isElement(c) && RESOURCES.has(tagName(c)));
  const anchor = attr(node, "ac:anchor");
  const label = linkLabel(node, w);
  if (!res) {
    const target = anchor ? { text: anchor, url: `#${encodeSegment(anchor)}` } : { text: "" };
    dst.appendChild(targetNode(target, label));
    return;
  }
  const target = resolveTarget(res, w);
  if (target.url && anchor) target.url += `#${encodeSegment(anchor)}`;
  dst.appendChild(targetNode(target, target.mention ? undefined : label));
};

/** A bare `ri:` resource outside `ac:link` (seen in macro parameters and old content). */
export const resource: ElementHandler = (node, dst, w) => {
  dst.appendChild(targetNode(resolveTarget(node, w)));
};

/** The last path segment of a URL, as an image's fallback alt text. */
function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0].split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `<ac:image>`: an attachment of this document or an external URL, with its caption. */
export const image: ElementHandler = (node, dst, w) => {
  const res = node.children.find((c): c is Element => isElement(c) && (tagName(c) === "ri:attachment" || tagName(c) === "ri:url"));
  if (!res) return;
  const alt = attr(node, "ac:alt") ?? attr(node, "ac:title");
  const target = resolveTarget(res, w);
  let out: LiteNode;
  if (tagName(res) === "ri:url") out = el("IMG", { src: target.url ?? "", alt: alt ?? fileNameOf(target.url ?? "") });
  else if (target.url && !target.viaPage) out = el("IMG", { src: target.url, alt: alt ?? target.text });
  else out = targetNode(target); // another document's attachment: link to that document
  const holder = needsParagraph(dst) ? dst.appendChild(el("P")) : dst;
  holder.appendChild(out);
  const caption = firstChildElement(node, "ac:caption");
  const captionText = caption ? storageText(caption).replace(/\s+/g, " ").trim() : "";
  if (captionText) {
    appendText(holder, " ");
    holder.appendChild(el("EM", {}, [captionText]));
  }
};
