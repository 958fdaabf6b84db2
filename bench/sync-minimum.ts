/**
 * The fewest requests `npm run bench:sync` could make for what the simulated site holds, given
 * each API's paging: the denominator of the printed ratio. Cloud: one chain of v2 list calls per
 * type at limit 250 with bodies, plus one download per attachment. Data Center: the endpoints
 * our Data Center source walks, at the sizes the server caps them to (50 per page with bodies,
 * 200 with other expansions, 500 spaces), counted per simulator route so a run can be compared
 * route by route.
 */
import type { Simulator } from "../simulator";
import type { Store } from "../simulator/store/store";

const pagesOf = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/** What a full run of the site admin syncs with default settings: current spaces, their current and archived content. */
function siteHolds(store: Store) {
  const liveSpaces = new Set([...store.spaces.values()].filter((s) => s.status === "current").map((s) => s.id));
  const content = store.contentList.filter((c) => (c.status === "current" || c.status === "archived") && liveSpaces.has(c.spaceId));
  const containers = new Set(content.filter((c) => c.type !== "folder").map((c) => c.id));
  const comments = store.commentList.filter((c) => c.status === "current");
  const attachments = store.attachmentList.filter((a) => a.status === "current" && containers.has(a.containerId));
  return { liveSpaces, content, containers, comments, attachments };
}

export function cloudFullMinimum(store: Store): number {
  const { liveSpaces, content, comments, attachments } = siteHolds(store);
  const count = (n: number) => pagesOf(n, 250);
  return (
    count(liveSpaces.size) +
    count(content.filter((c) => c.type === "page").length) +
    count(content.filter((c) => c.type === "blogpost").length) +
    count(comments.filter((c) => c.kind === "footer").length) +
    count(comments.filter((c) => c.kind === "inline").length) +
    count(store.attachmentList.filter((a) => a.status === "current").length) +
    attachments.length
  );
}

/** Cloud incremental: spaces, the change feeds (3), two newest-first lists per space, and the changed items at 250 a page. */
export const cloudIncrementalMinimum = (spaces: number, changed: number) => 3 + 2 * spaces + Math.ceil(changed / 250);

/** Requests per simulator route key (`GET <context path><route>`), and their sum. */
export interface RouteMinimum {
  total: number;
  routes: Record<string, number>;
}

const DC_SPACES_PER_PAGE = 500;
const DC_WITH_BODIES = 50;
const DC_OTHER_EXPANSIONS = 200;
const DC_PEOPLE = 200;
/** CQL `space in (...)` takes this many keys per search, as the Data Center source batches them. */
const DC_SPACES_PER_SEARCH = 100;

function routeMinimum(sim: Simulator, parts: [route: string, requests: number][]): RouteMinimum {
  const routes: Record<string, number> = {};
  for (const [route, n] of parts) {
    const key = `GET ${sim.dc!.contextPath}${route}`;
    routes[key] = (routes[key] ?? 0) + n;
  }
  return { total: Object.values(routes).reduce((a, b) => a + b, 0), routes };
}

/** Space batches of up to 100 keys, in key order as the source sends them. */
function spaceBatches(store: Store, liveSpaces: Set<number>): number[][] {
  const ids = [...liveSpaces].sort((a, b) => (store.spaces.get(a)!.key < store.spaces.get(b)!.key ? -1 : 1));
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += DC_SPACES_PER_SEARCH) batches.push(ids.slice(i, i + DC_SPACES_PER_SEARCH));
  return batches;
}

/** CQL searches for attachments, one chain per 100 spaces, at `perPage` a page. */
function attachmentSearches(store: Store, perPage: number): number {
  const { liveSpaces, attachments } = siteHolds(store);
  const inBatch = (batch: number[]) => attachments.filter((a) => batch.includes(store.contents.get(a.containerId)!.spaceId)).length;
  return spaceBatches(store, liveSpaces).reduce((sum, batch) => sum + pagesOf(inBatch(batch), perPage), 0);
}

/** Groups (one list), each group's members, every user listed with one profile each, one space-permissions call per space. */
function dcPeopleAndGrants(store: Store, spaces: number): [string, number][] {
  const groups = [...store.groups.values()];
  return [
    ["/rest/api/group", pagesOf(groups.length, DC_PEOPLE)],
    ["/rest/api/group/{groupName}/member", groups.reduce((sum, g) => sum + pagesOf(g.members.size, DC_PEOPLE), 0)],
    ["/rest/api/user/list", pagesOf(store.users.size, DC_PEOPLE)],
    ["/rest/mobile/1.0/profile/{username}", store.users.size],
    ["/rest/api/space/{spaceKey}/permissions", spaces],
  ];
}

/**
 * A Data Center full run: spaces, version and time zone (applinks manifest, systemInfo), pages,
 * blog posts and comments by `/content/scan` per space with bodies (at least one page each),
 * attachments by CQL per 100 spaces (200 a page without bodies), one download per attachment,
 * then permissions: people, grants per space, and one restriction read per page and blog post.
 */
export function dcFullMinimum(sim: Simulator): RouteMinimum {
  const store = sim.store;
  const { liveSpaces, content, containers, comments, attachments } = siteHolds(store);
  const perSpace = (count: (spaceId: number) => number) => [...liveSpaces].reduce((sum, id) => sum + pagesOf(count(id), DC_WITH_BODIES), 0);
  const documents = (type: string) => (spaceId: number) => content.filter((c) => c.type === type && c.spaceId === spaceId).length;
  const commentsIn = (spaceId: number) => comments.filter((c) => store.contents.get(c.containerId)?.spaceId === spaceId).length;
  return routeMinimum(sim, [
    ["/rest/api/space", pagesOf(liveSpaces.size, DC_SPACES_PER_PAGE)],
    ["/rest/applinks/1.0/manifest", 1],
    ["/rest/api/settings/systemInfo", 1],
    ["/rest/api/content/scan", perSpace(documents("page")) + perSpace(documents("blogpost")) + perSpace(commentsIn)],
    ["/rest/api/content/search", attachmentSearches(store, DC_OTHER_EXPANSIONS)],
    ["/download/attachments/{containerId}/{fileName}", attachments.length],
    ...dcPeopleAndGrants(store, liveSpaces.size),
    ["/rest/api/content/{id}/restriction/byOperation/{op}", containers.size],
  ]);
}

/**
 * A Data Center incremental run: spaces, version and time zone, one CQL search per type (pages,
 * blog posts, comments, attachments) per 100 spaces, the changed items 50 a page beyond the
 * first, the same people and grants as a full run, and one restriction read per edited node.
 */
export function dcIncrementalMinimum(sim: Simulator, changed: { pages: number; edited: number }): RouteMinimum {
  const { liveSpaces } = siteHolds(sim.store);
  const batches = Math.ceil(liveSpaces.size / DC_SPACES_PER_SEARCH);
  // Changed pages all sit in the page search; beyond its first page, one more per 50.
  const pageSearches = Math.max(batches, Math.ceil(changed.pages / DC_WITH_BODIES));
  return routeMinimum(sim, [
    ["/rest/api/space", pagesOf(liveSpaces.size, DC_SPACES_PER_PAGE)],
    ["/rest/applinks/1.0/manifest", 1],
    ["/rest/api/settings/systemInfo", 1],
    ["/rest/api/content/search", pageSearches + 3 * batches],
    ...dcPeopleAndGrants(sim.store, liveSpaces.size),
    ["/rest/api/content/{id}/restriction/byOperation/{op}", changed.edited],
  ]);
}

/** Trashed pages on the chains of content a full run stores: the generator leaves children under a page it trashes. */
function trashedAncestors(store: Store): number {
  const { content, containers } = siteHolds(store);
  const found = new Set<number>();
  for (const c of content) {
    for (let parent = c.parentId; parent !== null;) {
      const a = store.contents.get(parent);
      if (!a) break;
      if (a.type !== "folder" && !containers.has(a.id)) found.add(a.id);
      parent = a.parentId;
    }
  }
  return found.size;
}

const RESTRICTIONS = "/rest/api/content/{id}/restriction/byOperation/{op}";
/** The `limit` lib/sync/dc/content-steps.ts asks of every content list and search. */
const SOURCE_LIMIT = 100;

/** A printed note on where a Data Center run's requests differ from the minimum, route by route, and why where it is known. */
export function explainDcDifference(sim: Simulator, kind: "full" | "incremental", made: Record<string, number>, minimum: RouteMinimum): string {
  const restrictions = `GET ${sim.dc!.contextPath}${RESTRICTIONS}`;
  const search = `GET ${sim.dc!.contextPath}/rest/api/content/search`;
  const why = (route: string, diff: number): string => {
    if (route === search && kind === "full" && diff > 0) {
      const asked = attachmentSearches(sim.store, SOURCE_LIMIT);
      return `attachments are searched at limit ${SOURCE_LIMIT} (what the Data Center source asks of every content list, sized for bodies), where the server gives ${DC_OTHER_EXPANSIONS} without bodies: ${asked} searches instead of ${attachmentSearches(sim.store, DC_OTHER_EXPANSIONS)}${asked === diff + attachmentSearches(sim.store, DC_OTHER_EXPANSIONS) ? "" : "; the rest not explained"}`;
    }
    if (route !== restrictions || diff <= 0) return "not explained: compare the run's steps with bench/sync-minimum.ts";
    if (kind === "full") {
      const trashed = trashedAncestors(sim.store);
      return `${trashed} of them are pages in the trash on the ancestor chains of stored pages (the generated site leaves children under a trashed page; Confluence would move them up), read because an ancestor's restriction applies to its chain${trashed === diff ? "" : "; the rest not explained"}`;
    }
    const budget = Number(process.env.SYNC_RESTRICTION_RECHECK ?? 200);
    const nodes = siteHolds(sim.store).containers.size + trashedAncestors(sim.store);
    const few = nodes <= budget ? ` (this site has ${nodes} nodes, so every one)` : "";
    return `the restriction recheck: an incremental run also re-reads up to the ${budget} oldest restriction reads${few} (SYNC_RESTRICTION_RECHECK; the edited pages, read first in the full run, are among them, and so are rows of the deleted ones, which are not re-read), because a restriction change bumps no version and no CQL search finds it`;
  };
  const lines: string[] = [];
  for (const route of new Set([...Object.keys(made), ...Object.keys(minimum.routes)])) {
    const diff = (made[route] ?? 0) - (minimum.routes[route] ?? 0);
    if (diff !== 0) lines.push(`  ${diff > 0 ? "+" : ""}${diff}  ${route}: ${why(route, diff)}`);
  }
  return lines.length ? `\nnote: where the run differs from the minimum:\n${lines.join("\n")}` : "\nnote: every route made exactly its minimum";
}
