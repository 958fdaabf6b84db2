import { trimEndBlanks } from "./line-syntax";

/**
 * Fenced code block detection shared by the tidy pass and the chunker. A fence may sit
 * behind block-quote and list-item markers ("> ```", "- ```"), as callouts and lists
 * produce; lines inside a fence are content and must be left exactly as they are.
 */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)*[ \t]*/;

export type Fence = { char: string; length: number };

/** A character CONTAINER_PREFIX can consume: space, tab, > - + * . ) or a digit. */
const isPrefixChar = (c: number) => c === 32 || c === 9 || c === 62 || c === 45 || c === 43 || c === 42 || c === 46 || c === 41 || (c >= 48 && c <= 57);

/** Whether the first character past any container-prefix characters is a fence character. */
function mayOpenFence(line: string): boolean {
  let i = 0;
  while (i < line.length && isPrefixChar(line.charCodeAt(i))) i++;
  if (i === line.length) return false;
  const c = line.charCodeAt(i);
  return c === 96 || c === 126; // ` or ~
}

export function openingFence(line: string): Fence | undefined {
  if (!mayOpenFence(line)) return undefined; // most lines: no regular expression needed
  const m = /^(`{3,}|~{3,})(.*)$/.exec(line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0));
  if (!m || (m[1][0] === "`" && m[2].includes("`"))) return undefined;
  return { char: m[1][0], length: m[1].length };
}

export function closesFence(line: string, fence: Fence): boolean {
  const rest = line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
  const m = /^(`{3,}|~{3,})$/.exec(trimEndBlanks(rest));
  return !!m && m[1][0] === fence.char && m[1].length >= fence.length;
}

/** Calls `visit` for each line with whether it is inside (or opens/closes) a fence. */
export function scanLines(lines: readonly string[], visit: (line: string, inCode: boolean, index: number) => void): void {
  let fence: Fence | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      visit(line, true, i);
      if (closesFence(line, fence)) fence = undefined;
      return;
    }
    fence = openingFence(line);
    visit(line, fence !== undefined, i);
  });
}
