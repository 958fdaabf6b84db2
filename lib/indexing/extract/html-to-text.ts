import { Parser } from "htmlparser2";

/** Elements whose content is never readable text. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "math", "head", "object", "iframe"]);
/** Elements that start a new line of text. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "ul",
  "title",
]);

/**
 * HTML → plain text for search: tags dropped, entities decoded, block elements on their own
 * lines and table cells tab-separated so rows stay readable. A streaming parser, so a large
 * page never becomes a DOM tree in memory. The document <title> is kept although <head> is not.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const skipping: string[] = [];
  let inTitle = false;
  let inPre = 0;
  let cell = 0;
  const hidden = () => skipping.length > 0 && !(inTitle && skipping.length === 1 && skipping[0] === "head");
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        if (SKIPPED.has(name)) skipping.push(name);
        if (hidden()) return;
        if (name === "pre") inPre++;
        if (name === "tr") cell = 0;
        if ((name === "td" || name === "th") && cell++ > 0) out.push("\t");
        if (BLOCKS.has(name)) out.push("\n");
      },
      ontext(text) {
        if (!hidden()) out.push(inPre ? text : text.replace(/\s+/g, " "));
      },
      onclosetag(name) {
        const wasHidden = hidden();
        if (name === "title") inTitle = false;
        if (SKIPPED.has(name) && skipping.at(-1) === name) skipping.pop();
        if (wasHidden) return;
        if (name === "pre") inPre = Math.max(0, inPre - 1);
        if (BLOCKS.has(name)) out.push("\n");
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out
    .join("")
    .split("\n")
    .map(tidyLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Spaces trimmed at both ends of the line and around each tab, in one linear pass. */
function tidyLine(line: string): string {
  return line.split("\t").map(trimSpaces).join("\t");
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === " ") start++;
  while (end > start && text[end - 1] === " ") end--;
  return text.slice(start, end);
}
