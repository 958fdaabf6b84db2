/** What the converter needs to know about the site and document to resolve links. */
export type ConvertContext = {
  siteUrl: string; // e.g. "https://acme.atlassian.net" (no trailing /wiki)
  /** Where pages and downloads live when not under `<site>/wiki`: a Data Center base URL with its context path. */
  wikiUrl?: string;
  spaceKey?: string; // space of the document being converted (links without ri:space-key mean this space)
  contentId?: string; // Confluence id of the document (for attachment download URLs)
  userName?: (accountId: string) => string | undefined; // display name of a synced user
  pageLink?: (ref: PageRef) => { title: string; url: string } | undefined;
};

export type PageRef = { title: string; spaceKey: string; type: "page" | "blogpost"; postingDay?: string };

/** The context with the site URL normalised once per conversion. */
export type ResolvedContext = Omit<ConvertContext, "siteUrl" | "wikiUrl"> & { site: string; wiki: string };

export function resolveContext(ctx: ConvertContext): ResolvedContext {
  // Callers sometimes pass the wiki base ("…/wiki/") instead of the site; accept both.
  const site = ctx.siteUrl
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/wiki$/, "");
  const wiki = ctx.wikiUrl?.trim().replace(/\/+$/, "") ?? `${site}/wiki`;
  // Fields listed rather than spread (a spread showed up in profiles); the type makes a new field fail to compile until listed.
  const resolved: { [K in keyof Required<ResolvedContext>]: ResolvedContext[K] } = {
    spaceKey: ctx.spaceKey,
    contentId: ctx.contentId,
    userName: ctx.userName,
    pageLink: ctx.pageLink,
    site,
    wiki,
  };
  return resolved;
}

/**
 * encodeURIComponent plus the characters it leaves alone that Markdown link destinations
 * would need escaped: ( ) ! ' *.
 */
export function encodeSegment(s: string): string {
  const encoded = encodeURIComponent(s);
  return RESERVED.test(encoded) ? encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : encoded;
}

const RESERVED = /[!'()*]/; // checked first: most segments have none, and a replace with a callback costs even then

/** Title as Confluence writes it in /display/ URLs: words URI-encoded, joined with "+". */
function displaySegment(s: string): string {
  return s.split(" ").map(encodeSegment).join("+");
}

/**
 * The URL and title of a linked page or blog post: the caller's `pageLink` when it knows
 * the page (a synced page has a stable URL), else the /display/ URL Confluence still
 * redirects. Undefined when no space is known to build the fallback.
 */
export function resolvePage(ctx: ResolvedContext, ref: PageRef): { title: string; url: string } | undefined {
  const known = ctx.pageLink?.(ref);
  if (known) return known;
  if (!ref.spaceKey || !ref.title) return undefined;
  const day = ref.type === "blogpost" && ref.postingDay ? `${ref.postingDay.split("/").map(encodeSegment).join("/")}/` : "";
  return { title: ref.title, url: `${ctx.wiki}/display/${encodeSegment(ref.spaceKey)}/${day}${displaySegment(ref.title)}` };
}

export function attachmentUrl(ctx: ResolvedContext, contentId: string, fileName: string): string {
  return `${ctx.wiki}/download/attachments/${encodeSegment(contentId)}/${encodeSegment(fileName)}`;
}
