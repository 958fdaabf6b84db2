/**
 * Stable route keys for stats (`GET /wiki/api/v2/spaces/{id}/pages`): the query is dropped and
 * every identifier segment becomes a placeholder, so counts group by endpoint, not by object.
 */
const VERSION_SEGMENT = /^v\d+$/;
const IDENTIFIER = /\d|%|^[0-9a-f]{8}-[0-9a-f]{4}-/i;

export function routeKey(method: string, sitePath: string): string {
  const path = sitePath.split("?")[0].split("#")[0];
  const segments = path.split("/");
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    // Download URLs carry the container id and a free-text file name.
    if (out.length === 4 && out[2] === "download" && out[3] === "attachments") {
      out.push("{id}", "{fileName}");
      break;
    }
    out.push(seg && !VERSION_SEGMENT.test(seg) && IDENTIFIER.test(seg) ? "{id}" : seg);
  }
  return `${method.toUpperCase()} ${out.join("/")}`;
}
