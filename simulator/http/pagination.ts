import { HttpError } from "./errors";

/**
 * Key-based cursor pagination: the cursor encodes the sort value and id of the last item returned,
 * so inserts, deletes and edits between requests neither skip nor repeat untouched items.
 */
export function parseLimit(q: URLSearchParams, def = 25, max = 250): number {
  const raw = q.get("limit");
  if (raw === null || raw === "") return def;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(400, `Invalid value for limit: ${raw}`);
  const n = Number(raw);
  if (n < 1 || n > max) throw new HttpError(400, `limit must be between 1 and ${max}`);
  return n;
}

type Key = string | number;
interface CursorData {
  k: Key;
  i: number;
}

export function encodeCursor(k: Key, i: number): string {
  return Buffer.from(JSON.stringify({ k, i })).toString("base64url");
}

export function decodeCursor(raw: string | null): CursorData | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as CursorData;
    if ((typeof d.k !== "string" && typeof d.k !== "number") || typeof d.i !== "number") throw new Error("shape");
    return d;
  } catch {
    throw new HttpError(400, "Invalid cursor");
  }
}

export interface PageOptions<T> {
  key: (t: T) => Key;
  id: (t: T) => number;
  desc?: boolean;
  cursor: string | null;
  limit: number;
  /** Items are already in ascending key order (skip the sort). */
  presorted?: boolean;
}

export interface PageResult<T> {
  items: T[];
  next: string | null;
}

function cmpKey(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export function paginate<T>(source: Iterable<T>, o: PageOptions<T>): PageResult<T> {
  const dir = o.desc ? -1 : 1;
  const cmp = (ak: Key, ai: number, bk: Key, bi: number) => dir * (cmpKey(ak, bk) || ai - bi);
  const cur = decodeCursor(o.cursor);
  const k = o.limit + 1;
  const fast = o.presorted && !o.desc;
  // Keep only the best limit+1 rows (binary insertion), so a page costs O(n log k) without sorting everything.
  const best: { k: Key; i: number; t: T }[] = [];
  for (const t of source) {
    const key = o.key(t);
    const i = o.id(t);
    if (cur && cmp(key, i, cur.k, cur.i) <= 0) continue;
    const row = { k: key, i, t };
    if (fast) {
      best.push(row);
      if (best.length >= k) break;
      continue;
    }
    if (best.length >= k && cmp(key, i, best[k - 1].k, best[k - 1].i) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid].k, best[mid].i, key, i) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, row);
    if (best.length > k) best.pop();
  }
  const page = best.slice(0, o.limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => r.t), next: best.length > o.limit && last ? encodeCursor(last.k, last.i) : null };
}

/** Relative next link: the request path and query with the cursor replaced. */
export function nextLink(path: string, q: URLSearchParams, cursor: string): string {
  const params = new URLSearchParams(q);
  params.set("cursor", cursor);
  return `${path}?${params.toString()}`;
}
