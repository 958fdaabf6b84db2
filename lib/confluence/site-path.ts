/**
 * Every request is addressed by its path on the site, starting with /wiki. Confluence hands out
 * links in three forms: `/wiki/api/v2/...` (v2 `_links.next`), `/rest/api/...` or `/download/...`
 * (v1 `_links.next` and v2 `downloadLink`, relative to the `/wiki` context) and absolute URLs.
 */
export function toSitePath(link: string): string {
  if (/^https?:\/\//i.test(link)) {
    const url = new URL(link);
    const full = url.pathname + url.search;
    const at = full.indexOf("/wiki/");
    if (at < 0) throw new Error(`Not a Confluence link: ${url.pathname}`);
    return full.slice(at);
  }
  if (link.startsWith("/wiki/")) return link;
  if (link.startsWith("/")) return `/wiki${link}`;
  return `/wiki/${link}`;
}

/** The `cursor` parameter of a next link, if it has one (v1 offset lists have none). */
export function cursorOf(sitePath: string): string | null {
  const q = sitePath.indexOf("?");
  if (q < 0) return null;
  return new URLSearchParams(sitePath.slice(q + 1)).get("cursor");
}

/**
 * A Data Center request path, relative to the base URL (origin plus context path): `/rest/api/...`
 * and `/download/...` as they are; an absolute link (a `self` or `_links.next` with `_links.base`)
 * loses the base, so the context path is never doubled.
 */
export function toDataCenterPath(link: string, baseUrl: string): string {
  if (!/^https?:\/\//i.test(link)) return link.startsWith("/") ? link : `/${link}`;
  const url = new URL(link);
  const base = new URL(baseUrl);
  const full = url.pathname + url.search;
  const context = base.pathname.replace(/\/+$/, "");
  if (url.origin.toLowerCase() !== base.origin.toLowerCase() || (context && !full.startsWith(context + "/"))) {
    throw new Error(`Not a link on this Confluence site: ${url.origin}${url.pathname}`);
  }
  return full.slice(context.length);
}
