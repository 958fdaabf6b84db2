import { resolveContext, type ConvertContext } from "./convert-context";
import { escapeTextNodes } from "./escape-text";
import { parseStorage } from "./parse-storage";
import { tidyMarkdown } from "./tidy-markdown";
import { transformStorage } from "./transform-storage";
import { toMarkdown } from "./turndown-rules";

/**
 * Bump whenever the Markdown produced for the same storage changes (a new rule, a
 * different format), so stored documents converted by an older version get re-indexed.
 */
export const CONVERTER_VERSION = 1;

/**
 * Confluence storage format → Markdown: parse the XHTML, rewrite Confluence elements and
 * macros into plain HTML (transform-storage.ts), escape its text for Markdown, convert with
 * turndown, tidy the result.
 * Conversion choices are listed in README.md. Returns "" for an empty body.
 */
export function storageToMarkdown(storage: string, ctx: ConvertContext): string {
  if (!storage.trim()) return "";
  const root = transformStorage(parseStorage(storage), resolveContext(ctx));
  escapeTextNodes(root);
  return tidyMarkdown(toMarkdown(root));
}
