import { HttpError } from "../../http/errors";

/** A small CQL parser: field op value, AND/OR/NOT, parentheses, IN lists, functions, ORDER BY. */
export type CqlValue = string | number | { fn: string; args: string[] };
export type CqlNode =
  | { kind: "and"; left: CqlNode; right: CqlNode }
  | { kind: "or"; left: CqlNode; right: CqlNode }
  | { kind: "not"; node: CqlNode }
  | { kind: "cmp"; field: string; op: string; values: CqlValue[] };

export interface CqlQuery {
  where: CqlNode | null;
  orderBy: { field: string; desc: boolean }[];
}

type Tok = { t: "word" | "str" | "op" | "punct"; v: string };

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let v = "";
      while (j < s.length && s[j] !== ch) {
        if (s[j] === "\\" && j + 1 < s.length) j++;
        v += s[j++];
      }
      if (j >= s.length) throw new HttpError(400, "Could not parse cql: unterminated string");
      out.push({ t: "str", v });
      i = j + 1;
    } else if ("(),".includes(ch)) {
      out.push({ t: "punct", v: ch });
      i++;
    } else if (/[=!<>~]/.test(ch)) {
      const two = s.slice(i, i + 2);
      if (["!=", ">=", "<=", "!~"].includes(two)) {
        out.push({ t: "op", v: two });
        i += 2;
      } else if ("=<>~".includes(ch)) {
        out.push({ t: "op", v: ch });
        i++;
      } else throw new HttpError(400, `Could not parse cql at '${s.slice(i)}'`);
    } else {
      let j = i;
      while (j < s.length && !/[\s(),=!<>~"']/.test(s[j])) j++;
      out.push({ t: "word", v: s.slice(i, j) });
      i = j;
    }
  }
  return out;
}

export function parseCql(input: string): CqlQuery {
  const toks = lex(input);
  let p = 0;
  const peek = () => toks[p];
  const isWord = (w: string) => peek()?.t === "word" && peek().v.toLowerCase() === w;
  const fail = (msg: string): never => {
    throw new HttpError(400, `Could not parse cql : ${input} (${msg})`);
  };
  const expectPunct = (v: string) => {
    if (peek()?.t !== "punct" || peek().v !== v) fail(`expected '${v}'`);
    p++;
  };
  const value = (): CqlValue => {
    const tk = toks[p++];
    if (!tk) return fail("missing value");
    if (tk.t === "str") return tk.v;
    if (tk.t !== "word") return fail(`unexpected '${tk.v}'`);
    if (peek()?.t === "punct" && peek().v === "(") {
      p++;
      const args: string[] = [];
      while (!(peek()?.t === "punct" && peek().v === ")")) {
        const a = toks[p++];
        if (!a) fail("unterminated function");
        if (a.t !== "punct") args.push(a.v);
      }
      p++;
      return { fn: tk.v.toLowerCase(), args };
    }
    return /^-?\d+$/.test(tk.v) ? Number(tk.v) : tk.v;
  };
  const primary = (): CqlNode => {
    if (peek()?.t === "punct" && peek().v === "(") {
      p++;
      const n = orExpr();
      expectPunct(")");
      return n;
    }
    if (isWord("not")) {
      p++;
      return { kind: "not", node: primary() };
    }
    const f = toks[p++];
    if (!f || f.t !== "word") return fail("expected field");
    let op: string;
    if (peek()?.t === "op") op = toks[p++].v;
    else if (isWord("in")) {
      p++;
      op = "in";
    } else if (isWord("not") && toks[p + 1]?.v.toLowerCase() === "in") {
      p += 2;
      op = "not in";
    } else return fail(`expected operator after ${f.v}`);
    let values: CqlValue[];
    if (op === "in" || op === "not in") {
      expectPunct("(");
      values = [];
      while (!(peek()?.t === "punct" && peek().v === ")")) {
        values.push(value());
        if (peek()?.t === "punct" && peek().v === ",") p++;
        else if (!(peek()?.t === "punct" && peek().v === ")")) fail("expected ',' or ')'");
      }
      p++;
    } else values = [value()];
    return { kind: "cmp", field: f.v.toLowerCase(), op, values };
  };
  const andExpr = (): CqlNode => {
    let left = primary();
    while (isWord("and")) {
      p++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const orExpr = (): CqlNode => {
    let left = andExpr();
    while (isWord("or")) {
      p++;
      left = { kind: "or", left, right: andExpr() };
    }
    return left;
  };
  const where = toks.length && !isWord("order") ? orExpr() : null;
  const orderBy: CqlQuery["orderBy"] = [];
  if (isWord("order")) {
    p++;
    if (!isWord("by")) fail("expected BY");
    p++;
    for (;;) {
      const f = toks[p++];
      if (!f || f.t !== "word") fail("expected order field");
      let desc = false;
      if (isWord("asc") || isWord("desc")) desc = toks[p++].v.toLowerCase() === "desc";
      orderBy.push({ field: f.v.toLowerCase(), desc });
      if (peek()?.t === "punct" && peek().v === ",") p++;
      else break;
    }
  }
  if (p < toks.length) fail(`unexpected '${toks[p].v}'`);
  return { where, orderBy };
}

const UNIT_MS: Record<string, number> = { y: 365 * 86_400_000, M: 30 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** CQL date literal or function to epoch ms. */
export function cqlDate(v: CqlValue, now = Date.now()): number {
  if (typeof v === "object") {
    if (v.fn !== "now" && v.fn !== "startofday" && v.fn !== "enddofday") throw new HttpError(400, `Unsupported CQL function ${v.fn}`);
    let t = now;
    const m = /^([+-]?\d+)([yMwdhm])$/.exec((v.args[0] ?? "").trim());
    if (m) t += Number(m[1]) * UNIT_MS[m[2]];
    if (v.fn === "startofday") t = Math.floor(t / 86_400_000) * 86_400_000;
    return t;
  }
  if (typeof v === "number") return v;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(v.trim());
  if (!m) throw new HttpError(400, `Invalid date in CQL: ${v}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}
