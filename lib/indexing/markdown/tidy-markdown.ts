import { scanLines } from "./fences";
import { toLines, trimEndBlanks } from "./line-syntax";

/**
 * Final clean-up of turndown's output: no trailing spaces, at most one blank line in a row,
 * no leading blank lines, exactly one newline at the end. Code blocks are left untouched:
 * their content must stay exact, trailing spaces and blank lines included.
 */
export function tidyMarkdown(markdown: string): string {
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
