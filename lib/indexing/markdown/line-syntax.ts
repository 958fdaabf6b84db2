/**
 * Linear line-level Markdown helpers, shared by the chunker and the record view (pure, no
 * I/O, safe to import from components). Regular expressions such as `[ \t]+$` or an ATX
 * heading pattern with a lazy middle backtrack quadratically on long runs of spaces, which
 * real pages have (a 40,000-space line took 4.7 s); these scan each character once.
 */

const isBlank = (code: number) => code === 32 || code === 9;

/** The lines of a text, with any line ending (the search for "\r" is cheaper than the replace). */
export function toLines(text: string): string[] {
  return (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
}

/** The line without trailing spaces and tabs. */
export function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The text without trailing whitespace of any kind (spaces, tabs, newlines, Unicode spaces). */
export const trimEndWhitespace = (text: string): string => text.trimEnd();

/**
 * An ATX heading ("## Title ##"), after up to `maxIndent` leading spaces: its level and text
 * with the optional closing run of #s removed, or null when the line is not a heading.
 */
export function atxHeading(line: string, maxIndent = 0): { level: number; text: string } | null {
  let i = 0;
  while (i < maxIndent && line.charCodeAt(i) === 32) i++;
  let level = 0;
  while (line[i + level] === "#") level++;
  if (level < 1 || level > 6) return null;
  const afterHashes = i + level;
  if (afterHashes < line.length && !isBlank(line.charCodeAt(afterHashes))) return null;
  let text = trimEndBlanks(line.slice(afterHashes));
  let closing = text.length;
  while (closing > 0 && text[closing - 1] === "#") closing--;
  // A closing run counts only when a blank (or nothing) stands before it.
  if (closing < text.length && (closing === 0 || isBlank(text.charCodeAt(closing - 1)))) text = text.slice(0, closing);
  return { level, text: text.trim() };
}
