import { scanLines } from "./fences";
import { toLines, trimEndBlanks } from "./line-syntax";

/** Something the line pass below would change: a blank before a line end, three line ends in a row, a carriage return. */
const UNTIDY = /[ \t]\n|\n\n\n|\r/;

/**
 * Whether the line pass would only add the final newline (turndown's output mostly): no
 * line ends in blanks, none but single blank lines, no leading blank line, nothing blank
 * or a line end at the end. Code blocks need no care then: nothing in them would change.
 */
function isTidy(markdown: string): boolean {
  if (!markdown || markdown.charCodeAt(0) === 10) return false;
  const last = markdown.charCodeAt(markdown.length - 1);
  return last !== 32 && last !== 9 && last !== 10 && !UNTIDY.test(markdown);
}

/**
 * Final clean-up of turndown's output: no trailing spaces, at most one blank line in a row,
 * no leading blank lines, exactly one newline at the end. Code blocks are left untouched:
 * their content must stay exact, trailing spaces and blank lines included.
 */
export function tidyMarkdown(markdown: string): string {
  if (isTidy(markdown)) return `${markdown}\n`;
  const out: string[] = [];
  scanLines(toLines(markdown), (line, inCode) => {
    if (inCode) return void out.push(line);
    const trimmed = trimEndBlanks(line);
    const blank = trimmed === "";
    if (blank && (out.length === 0 || out[out.length - 1] === "")) return;
    out.push(trimmed);
  });
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.length ? `${out.join("\n")}\n` : "";
}
