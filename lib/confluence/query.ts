/** Query values as Confluence takes them; arrays (ids, keys, space-id, status…) go comma-separated. */
export type QueryValue = string | number | boolean | readonly string[] | readonly number[] | undefined | null;
export type Query = Record<string, QueryValue>;

export function buildQuery(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(","));
    } else {
      params.set(name, String(value));
    }
  }
  return params;
}

/** Appends `query` to a path that may already carry a query string (e.g. a next link); `query` wins. */
export function withQuery(path: string, query: Query | undefined): string {
  const q = path.indexOf("?");
  const base = q < 0 ? path : path.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : path.slice(q + 1));
  for (const [name, value] of buildQuery(query)) params.set(name, value);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
