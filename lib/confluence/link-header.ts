/** Parses an RFC 8288 Link header: `<url>; rel="next", <url>; rel="base"` → { next: url, base: url }. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  const re = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2])?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) out[name.toLowerCase()] ??= m[1];
  }
  return out;
}
