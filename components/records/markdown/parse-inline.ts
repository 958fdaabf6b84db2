/**
 * Inline Markdown as turndown writes it: backslash escapes, code spans, strong, emphasis,
 * strikethrough, links, images, autolinks and hard breaks. The result is data for React
 * elements, never HTML; link and image addresses are checked by `safeUrl`.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "strong" | "em" | "del"; children: Inline[] }
  | { kind: "link"; href: string | null; title: string | null; children: Inline[] }
  | { kind: "image"; src: string | null; alt: string; title: string | null }
  | { kind: "break" };

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i;
const BARE_URL = /^https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]]/i;

/** Web, mail and relative addresses only: `javascript:`, `data:` and the like become null (shown as text). */
export function safeUrl(raw: string, kind: "link" | "image" = "link"): string | null {
  // Browsers ignore control characters in a scheme ("java\tscript:"), so they go before the check.
  // Control characters are exactly what this removes (they can smuggle a scheme past the check).
  // eslint-disable-next-line no-control-regex
  const url = raw.trim().replace(/[\u0000-\u001f\u007f]/g, "");
  if (/^https?:\/\//i.test(url)) return url;
  if (kind === "link" && /^mailto:/i.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null; // any other scheme
  return url;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  const push = (node: Inline) => {
    flush();
    out.push(node);
  };
  let closers: Int32Array | undefined;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const rest = source.slice(i);
    if (ch === "\\" && source[i + 1] === "\n") {
      push({ kind: "break" });
      i += 2;
    } else if (ch === "\\" && PUNCTUATION.test(source[i + 1] ?? "")) {
      text += source[i + 1];
      i += 2;
    } else if (ch === "\n") {
      if (text.endsWith("  ")) {
        let end = text.length;
        while (end > 0 && text[end - 1] === " ") end--;
        text = text.slice(0, end);
        push({ kind: "break" });
      } else text += "\n";
      i++;
    } else if (ch === "`") {
      const run = /^`+/.exec(rest)![0];
      const end = findCodeEnd(source, i + run.length, run.length);
      if (end === -1) {
        text += run;
        i += run.length;
      } else {
        let code = source.slice(i + run.length, end).replace(/\n/g, " ");
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        push({ kind: "code", text: code });
        i = end + run.length;
      }
    } else if ((ch === "!" && source[i + 1] === "[") || ch === "[") {
      const image = ch === "!";
      const link = parseLink(source, image ? i + 1 : i, (closers ??= matchBrackets(source)));
      if (!link) {
        text += image ? "![" : "[";
        i += image ? 2 : 1;
      } else {
        if (image) push({ kind: "image", src: safeUrl(link.href, "image"), alt: plain(parseInline(link.label)), title: link.title });
        else push({ kind: "link", href: safeUrl(link.href), title: link.title, children: parseInline(link.label) });
        i = link.end;
      }
    } else if (ch === "<" && AUTOLINK.test(rest)) {
      const url = AUTOLINK.exec(rest)![1]!;
      push({ kind: "link", href: safeUrl(url), title: null, children: [{ kind: "text", text: url.replace(/^mailto:/i, "") }] });
      i += url.length + 2;
    } else if ((ch === "h" || ch === "H") && BARE_URL.test(rest) && !/[\w/]$/.test(text)) {
      const url = BARE_URL.exec(rest)![0];
      push({ kind: "link", href: safeUrl(url), title: null, children: [{ kind: "text", text: url }] });
      i += url.length;
    } else if (ch === "*" || ch === "_" || ch === "~") {
      const span = parseEmphasis(source, i, text);
      if (span) {
        push({ kind: span.kind, children: parseInline(span.inner) });
        i = span.end;
      } else {
        const run = new RegExp(`^\\${ch}+`).exec(rest)![0];
        text += run;
        i += run.length;
      }
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return out;
}

function findCodeEnd(source: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(source); m; m = re.exec(source)) if (m[0].length === length) return m.index;
  return -1;
}

/**
 * The matching `]` of every `[` (or -1), in one pass: scanning ahead from each `[` would be
 * quadratic on text full of unmatched brackets.
 */
function matchBrackets(source: string): Int32Array {
  const closers = new Int32Array(source.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "[") open.push(i);
    else if (source[i] === "]" && open.length) closers[open.pop()!] = i;
  }
  return closers;
}

/** `[label](href "title")` starting at the `[`; labels may nest brackets, addresses may nest parentheses or use <…>. */
function parseLink(source: string, open: number, closers: Int32Array): { label: string; href: string; title: string | null; end: number } | null {
  const close = closers[open]!;
  if (close === -1 || source[close + 1] !== "(") return null;
  let i = close + 2;
  while (source[i] === " ") i++;
  let href = "";
  if (source[i] === "<") {
    const end = source.indexOf(">", i);
    if (end === -1) return null;
    href = source.slice(i + 1, end);
    i = end + 1;
  } else {
    let parens = 0;
    for (; i < source.length; i++) {
      const c = source[i]!;
      if (c === "\\" && PUNCTUATION.test(source[i + 1] ?? "")) href += source[++i];
      else if (c === "(") {
        parens++;
        href += c;
      } else if (c === ")" && parens > 0) {
        parens--;
        href += c;
      } else if (c === ")" || /\s/.test(c)) break;
      else href += c;
    }
  }
  while (source[i] === " " || source[i] === "\n") i++;
  let title: string | null = null;
  const quote = source[i];
  if (quote === '"' || quote === "'" || quote === "(") {
    const closer = quote === "(" ? ")" : quote;
    const end = source.indexOf(closer, i + 1);
    if (end === -1) return null;
    title = source.slice(i + 1, end).replace(/\\(.)/g, "$1");
    i = end + 1;
    while (source[i] === " ") i++;
  }
  if (source[i] !== ")") return null;
  return { label: source.slice(open + 1, close), href, title, end: i + 1 };
}

/**
 * `**strong**`, `__strong__`, `*em*`, `_em_`, `~~del~~` starting at `start`: the opener must
 * be followed by a non-space, the closer preceded by one; `_` does not work inside words.
 */
function parseEmphasis(source: string, start: number, before: string): { kind: "strong" | "em" | "del"; inner: string; end: number } | null {
  const ch = source[start]!;
  const run = new RegExp(`^\\${ch}+`).exec(source.slice(start))![0];
  if (ch === "~" && run.length !== 2) return null;
  const size = ch === "~" ? 2 : run.length >= 2 ? 2 : 1;
  const after = source[start + size];
  if (!after || /\s/.test(after)) return null;
  if (ch === "_" && /[\p{L}\p{N}]$/u.test(before)) return null;
  for (let i = start + size + 1; i <= source.length - size; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
    } else if (c === "`") {
      const codeRun = /^`+/.exec(source.slice(i))![0];
      const end = findCodeEnd(source, i + codeRun.length, codeRun.length);
      i = (end === -1 ? i : end) + codeRun.length - 1;
    } else if (c === ch) {
      const length = new RegExp(`^\\${ch}+`).exec(source.slice(i))![0].length;
      const next = source[i + length];
      const closes = length === size && !/\s/.test(source[i - 1]!) && !(ch === "_" && next !== undefined && /[\p{L}\p{N}]/u.test(next));
      if (closes) return { kind: ch === "~" ? "del" : size === 2 ? "strong" : "em", inner: source.slice(start + size, i), end: i + size };
      i += length - 1; // a run of another length: nested emphasis, skipped whole
    }
  }
  return null;
}

/** The text of inline nodes (an image's alt text). */
export function plain(nodes: Inline[]): string {
  return nodes
    .map((n) => (n.kind === "text" || n.kind === "code" ? n.text : n.kind === "break" ? " " : n.kind === "image" ? n.alt : plain(n.children)))
    .join("");
}
