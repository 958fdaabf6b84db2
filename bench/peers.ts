/**
 * `npm run bench:peers [-- --pages 1000 --spaces 5 --latency 20 --seed 42 --ours datacenter|cloud]`:
 * LangChain.js's ConfluencePagesLoader and this product's full sync on the same generated site
 * with the same latency per request, side by side: requests (the simulator's own counts), wall
 * time, pages with bodies, and what each got that the other did not. The peer reads the Data
 * Center REST API; ours reads the same Data Center simulator by default, or the Cloud API of the
 * same generated site with `--ours cloud`.
 */
import { startSimulator } from "../simulator";
import type { Store } from "../simulator/store/store";
import { formatRoutes, parseSiteFlags } from "./harness";
import { LANGCHAIN_PAGE_LIMIT, runLangChain, type LangChainResult } from "./peers-langchain";
import { runOurs, type OursResult } from "./peers-ours";

const flags = parseSiteFlags({ pages: "1000", spaces: "5", latency: "20" }, { name: "ours", default: "datacenter" });
const site = { seed: flags.seed, spaces: flags.spaces, pages: flags.pages, latencyMs: flags.latency };

/** What the generated site holds for the site admin, both flavours being the same store. */
function siteContent(store: Store) {
  const spaces = new Set([...store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
  const content = store.contentList.filter((c) => spaces.has(c.spaceId));
  const containers = new Set(content.filter((c) => c.status === "current" || c.status === "archived").map((c) => c.id));
  const comments = store.commentList.filter((c) => c.status === "current" && containers.has(c.containerId));
  return {
    spaces: spaces.size,
    currentPages: content.filter((c) => c.type === "page" && c.status === "current").length,
    archivedPages: content.filter((c) => c.type === "page" && c.status === "archived").length,
    blogPosts: content.filter((c) => c.type === "blogpost" && c.status === "current").length,
    footerComments: comments.filter((c) => c.kind === "footer").length,
    inlineComments: comments.filter((c) => c.kind === "inline").length,
    attachments: store.attachmentList.filter((a) => a.status === "current" && containers.has(a.containerId)).length,
    restrictedNodes: content.filter((c) => c.readRestriction && containers.has(c.id)).length,
    users: store.users.size,
    groups: store.groups.size,
  };
}

console.log(`site: seed ${site.seed}, ${site.pages} pages asked for in ${site.spaces} spaces, ${site.latencyMs} ms latency per request`);
const dcSim = await startSimulator({ ...site, flavor: "datacenter", datacenter: { rateLimit: { enabled: false } } });
const held = siteContent(dcSim.store);
console.log(`LangChain: ConfluencePagesLoader on the Data Center simulator (${dcSim.dc!.version} at ${dcSim.dc!.baseUrl}), one loader per space...`);
const peer: LangChainResult = await runLangChain(dcSim);
console.log(
  flags.ours === "datacenter"
    ? "ours: full sync (worker process, default settings, the same personal access token) on the same Data Center simulator..."
    : "ours: full sync (worker process, default settings, API token) on the Cloud simulator of the same site...",
);
const ours: OursResult = await runOurs(flags.ours, site, dcSim);
await dcSim.close();
if (ours.status !== "completed") console.error(`our run ended ${ours.status}: ${ours.error ?? "no error recorded"}`);

/**
 * Requests that list content with bodies: LangChain's `/content` (pages only); ours, `/content/scan`
 * on Data Center (pages, blog posts and comments share the route) or v2 `/pages`, `/blogposts` and
 * the comment lists on Cloud.
 */
const bodyListRequests = (stats: { routes: Record<string, number> }) =>
  Object.entries(stats.routes)
    .filter(([route]) => /\/(api\/v2\/(pages|blogposts|footer-comments|inline-comments)|rest\/api\/content(\/scan)?)$/.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
const onlyPeer = [...peer.pagesWithBodies].filter((id) => !ours.pagesWithBodies.has(id)).length;
const onlyOurs = [...ours.pagesWithBodies].filter((id) => !peer.pagesWithBodies.has(id)).length;
const none = "-";
const rows: [string, string | number, string | number, string | number][] = [
  ["", "site holds", "LangChain", "ours"],
  ["requests", none, peer.stats.totalRequests, ours.stats.totalRequests],
  ["  of those, lists with bodies", none, bodyListRequests(peer.stats), bodyListRequests(ours.stats)],
  ["wall time (s)", none, peer.seconds.toFixed(1), ours.seconds.toFixed(1)],
  ["spaces", held.spaces, peer.spaces, held.spaces],
  ["pages with bodies", `${held.currentPages} current + ${held.archivedPages} archived`, peer.pagesWithBodies.size, ours.pagesWithBodies.size],
  ["  of those, only this side", none, onlyPeer, onlyOurs],
  ["  archived pages", held.archivedPages, 0, ours.archivedPages],
  ["blog posts with bodies", held.blogPosts, 0, ours.blogPostsWithBodies],
  ["footer / inline comments", `${held.footerComments} / ${held.inlineComments}`, "0 / 0", `${ours.footerComments} / ${ours.inlineComments}`],
  ["attachments: listed / file / text", held.attachments, "0 (placeholders)", `${ours.attachments} / ${ours.attachmentFiles} / ${ours.attachmentTexts}`],
  ["labels: items / distinct", none, "0 / 0", `${ours.itemsWithLabels} / ${ours.distinctLabels}`],
  ["space read grants", none, 0, ours.spaceGrants],
  ["restrictions: read / restricted", `${held.restrictedNodes} restricted`, "0 / 0", `${ours.restrictionsRead} / ${ours.restrictedNodes}`],
  [
    "users / groups / memberships",
    `${held.users} / ${held.groups}`,
    `${peer.editorNames.size} editor names / 0 / 0`,
    `${ours.users} / ${ours.groups} / ${ours.memberships}`,
  ],
  ["search index chunks", none, 0, ours.searchChunks],
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log("");
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, j) => (j === 0 ? String(cell).padEnd(widths[j]!) : String(cell).padStart(widths[j]!))).join("   "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("   "));
}

const oursNote =
  flags.ours === "datacenter"
    ? `  - Ours read the same Data Center simulator (${dcSim.dc!.version}) with the same personal access token: /content/scan per space
    for pages, blog posts and comments (50 a page with bodies), attachments by CQL, people, space permissions and one
    restriction read per tree node. "Lists with bodies" counts all three types for ours, pages only for LangChain.
    --ours cloud runs ours on the Cloud API of the same generated site instead.`
    : `  - Ours ran against the Cloud API (v2 lists with bodies, v1 permissions) of the same generated site (seed ${site.seed});
    the default, --ours datacenter, reads the same Data Center simulator as LangChain. "Lists with bodies" counts pages,
    blog posts and comments for ours, pages only for LangChain.`;
console.log(`
What only LangChain got: ${onlyPeer === 0 ? "no page that ours lacks" : `${onlyPeer} pages that ours did not store with a body`}. Its documents are
  plain text (html-to-text) with the title, version, last editor's display name and a URL in their metadata.
What only ours got: archived pages ${ours.archivedPages}, blog posts ${ours.blogPostsWithBodies}, comments ${ours.footerComments + ours.inlineComments},
  attachments ${ours.attachments} (${ours.attachmentTexts} with extracted text), labels on ${ours.itemsWithLabels} items, space read grants ${ours.spaceGrants},
  restrictions read ${ours.restrictionsRead} (${ours.restrictedNodes} restricted), users ${ours.users}, groups ${ours.groups} (${ours.memberships} memberships),
  search index chunks ${ours.searchChunks}; each body kept as storage XHTML and converted to Markdown, with its ancestors.

Notes:
${oursNote}
  - LangChain read the Data Center REST API with the admin's personal access token, limit ${LANGCHAIN_PAGE_LIMIT} (the most
    Data Center returns with bodies; its default is 25), one space after another; space keys were listed before the count.
  - Ours is the whole product run: listing, attachment downloads and text, permissions, Markdown conversion and indexing,
    all within the wall time. Rate limits were off on both simulators.

LangChain requests per route:
${formatRoutes(peer.stats)}
Our requests per route:
${formatRoutes(ours.stats)}`);
process.exit(0);
