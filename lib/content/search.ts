import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { viewerCte, visibleTo, type Viewer } from "../permissions";
import { SEARCH_CONFIGS, segmentForSearch } from "./language";
import { modifiedBounds, storedTypes, type SearchQuery } from "./schemas";

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  recordId: string;
  connectorId: string;
  title: string;
  breadcrumb: string[];
  snippet: SnippetPart[];
  type: string;
  space: { key: string; name: string } | null;
  modifiedAt: string | null;
  url: string | null;
  rank: number;
}

/**
 * Ranking reads every matching chunk; a word found in nearly every document would make a query
 * slow for little value, so at most this many chunks are ranked and the total becomes a floor.
 */
export const MAX_RANKED_CHUNKS = 10_000;

// Control characters never appear in stored text, so they mark highlights unambiguously and
// the snippet can be split into parts instead of being sent as HTML.
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The query parsed in each configuration chunks actually carry (languages where it is only stop
 * words drop out), in one round trip; the languages in use are read with a loose index scan (a
 * few index probes, however many chunks there are), so a query is not expanded into unused
 * languages. `any` is the OR of the distinct parses, for one GIN scan; `own` picks, per chunk, the
 * query parsed in the chunk's own language, so words are matched and ranked stemmed alike, and
 * `ownMatch` is the test `c.tsv @@ own`, or only the language where every language parses alike
 * (then `any` is that parse and a second test of each chunk would repeat the first).
 */
async function perLanguageQueries(text: string): Promise<{ any: Prisma.Sql; own: Prisma.Sql; ownMatch: Prisma.Sql } | null> {
  const rows = await db().$queryRaw<{ language: string; q: string }[]>`
    WITH RECURSIVE l AS (
      (SELECT language FROM search_chunks ORDER BY language LIMIT 1)
      UNION ALL
      SELECT (SELECT language FROM search_chunks WHERE language > l.language ORDER BY language LIMIT 1) FROM l WHERE l.language IS NOT NULL
    )
    SELECT language, websearch_to_tsquery(language::regconfig, ${text})::text AS q
    FROM l WHERE language = ANY(${SEARCH_CONFIGS}::text[])`;
  const usable = rows.filter((r) => r.q.trim() !== "");
  if (usable.length === 0) return null;
  const distinct = [...new Set(usable.map((r) => r.q))];
  const own = Prisma.sql`CASE c.language ${Prisma.join(
    usable.map((r) => Prisma.sql`WHEN ${r.language} THEN ${r.q}::tsquery`),
    " ",
  )} END`;
  return {
    any: Prisma.join(
      distinct.map((q) => Prisma.sql`${q}::tsquery`),
      " || ",
    ),
    own,
    // Not `c.language = ANY(…)`, which the planner could answer from the language index, in language
    // order: which chunks are ranked, when more match than are ranked, would then change.
    ownMatch:
      distinct.length === 1
        ? Prisma.sql`CASE c.language ${Prisma.join(
            usable.map((r) => Prisma.sql`WHEN ${r.language} THEN TRUE`),
            " ",
          )} END`
        : Prisma.sql`c.tsv @@ ${own}`,
  };
}

/**
 * Ranked full-text search over the index: the best chunk of each record, ranked with title
 * matches first, with a highlighted snippet from that chunk.
 */
export async function searchRecords(
  query: SearchQuery,
  viewer: Viewer = { kind: "admin" },
): Promise<{ total: number; totalIsLowerBound: boolean; hits: SearchHit[] }> {
  const sql = await buildSearch(query, viewer);
  // Nothing indexed yet, or only stop words ("the", "and"): nothing can match.
  if (!sql) return { total: 0, totalIsLowerBound: false, hits: [] };
  const rows = await db().$queryRaw<
    {
      id: string;
      connector_id: string;
      title: string;
      breadcrumb: string[];
      type: string;
      space_key: string | null;
      space_name: string | null;
      modified_at: Date | null;
      web_url: string | null;
      rank: number;
      snippet: string;
      total: bigint;
      matched: bigint;
    }[]
  >(sql);
  return {
    total: Number(rows[0]?.total ?? 0),
    totalIsLowerBound: Number(rows[0]?.matched ?? 0) >= MAX_RANKED_CHUNKS,
    hits: rows.map((r) => ({
      recordId: r.id,
      connectorId: r.connector_id,
      title: r.title,
      breadcrumb: r.breadcrumb,
      snippet: toSnippet(r.snippet, query.q),
      type: r.type,
      space: r.space_key ? { key: r.space_key, name: r.space_name ?? r.space_key } : null,
      modifiedAt: r.modified_at?.toISOString() ?? null,
      url: r.web_url,
      rank: r.rank,
    })),
  };
}

/** The plan of a search, for `npm run bench:search -- --explain`. */
export async function explainSearch(query: SearchQuery, viewer: Viewer = { kind: "admin" }): Promise<string> {
  const sql = await buildSearch(query, viewer);
  if (!sql) return "(nothing to search)";
  const rows = await db().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

async function buildSearch(query: SearchQuery, viewer: Viewer): Promise<Prisma.Sql | null> {
  const text = segmentForSearch(query.q);
  const queries = await perLanguageQueries(text);
  if (!queries) return null;
  // Members see only what their linked Confluence account may view (lib/permissions), in this same statement.
  const filters: Prisma.Sql[] = viewer.kind === "admin" ? [] : [visibleTo(viewer, "i")];
  if (query.connector) filters.push(Prisma.sql`i.connector_id = ${query.connector}`);
  if (query.type) filters.push(Prisma.sql`i.type = ANY(${storedTypes(query.type)}::text[])`);
  if (query.space)
    filters.push(Prisma.sql`(i.connector_id, i.space_confluence_id) IN (SELECT connector_id, confluence_id FROM confluence_spaces WHERE key = ${query.space})`);
  const { from, before } = modifiedBounds(query);
  if (from) filters.push(Prisma.sql`i.modified_at >= ${from}`);
  if (before) filters.push(Prisma.sql`i.modified_at < ${before}`);
  // Each matching record is looked up only to filter it; the rank weight reads the type its chunks
  // carry (or the record's, for a chunk written without it).
  const type =
    filters.length > 0
      ? Prisma.sql`COALESCE(b.item_type, i.type)`
      : Prisma.sql`COALESCE(b.item_type, (SELECT t.type FROM content_items t WHERE t.id = b.content_item_id))`;
  const records =
    filters.length > 0
      ? Prisma.sql`FROM best_chunk b JOIN content_items i ON i.id = b.content_item_id WHERE ${Prisma.join(filters, " AND ")}`
      : Prisma.sql`FROM best_chunk b`;
  const offset = (query.page - 1) * query.pageSize;
  // The text match runs first (MATERIALIZED): filters are rarely more selective than words, and
  // otherwise the planner may walk every chunk of a space or type and test each one. Each
  // record's best chunk is picked before the records are looked up and filtered (the filters
  // are the record's, whichever chunk), so that is once per record, not once per chunk.
  return Prisma.sql`
    WITH ${viewerCte(viewer)},
    matched AS MATERIALIZED (
      SELECT c.id AS chunk_id, c.content_item_id, c.language, c.item_type, ts_rank(c.tsv, ${queries.own}, 1) AS rank
      FROM search_chunks c
      WHERE c.tsv @@ (${queries.any}) AND ${queries.ownMatch}
      LIMIT ${MAX_RANKED_CHUNKS}
    ),
    best_chunk AS (
      -- Ids compare as bytes ("C"): the same groups as the database collation, at a fraction of the
      -- cost. Of equally ranked chunks (a word found only in the title) the first one gives the snippet.
      SELECT DISTINCT ON (m.content_item_id COLLATE "C") m.chunk_id, m.content_item_id, m.language, m.item_type, m.rank
      FROM matched m
      ORDER BY m.content_item_id COLLATE "C", m.rank DESC, m.chunk_id
    ),
    best AS (
      -- Pages and blog posts first: a short comment quoting a page's title should not outrank it.
      SELECT b.chunk_id, b.content_item_id, b.language,
             b.rank * CASE ${type} WHEN 'page' THEN 1.0 WHEN 'blogpost' THEN 1.0 WHEN 'attachment' THEN 0.8 ELSE 0.5 END AS rank
      ${records}
    ),
    page AS (
      SELECT best.*, websearch_to_tsquery(best.language::regconfig, ${text}) AS query, count(*) OVER () AS total
      FROM best ORDER BY rank DESC, content_item_id LIMIT ${query.pageSize} OFFSET ${offset}
    )
    SELECT i.id, i.connector_id, i.title, i.breadcrumb, i.type, s.key AS space_key, s.name AS space_name, i.modified_at, i.web_url,
           page.rank::float8 AS rank, page.total, (SELECT count(*) FROM matched) AS matched,
           -- The chunk's first line is its place (breadcrumb › title), already shown with the result;
           -- it is used only when the words matched nowhere else (a title search).
           CASE WHEN strpos(body.headline, ${START}) > 0 THEN body.headline ELSE ts_headline(page.language::regconfig, chunk.text, page.query, ${HEADLINE}) END AS snippet
    FROM page
    JOIN search_chunks chunk ON chunk.id = page.chunk_id
    CROSS JOIN LATERAL (SELECT ts_headline(page.language::regconfig, substr(chunk.text, strpos(chunk.text, E'\n') + 1), page.query, ${HEADLINE}) AS headline) body
    JOIN content_items i ON i.id = page.content_item_id
    LEFT JOIN confluence_spaces s ON s.connector_id = i.connector_id AND s.confluence_id = i.space_confluence_id
    ORDER BY page.rank DESC, page.content_item_id`;
}

/** Splits a ts_headline result into plain and highlighted parts; without marks (CJK text), highlights the query words literally. */
export function toSnippet(headline: string, q: string): SnippetPart[] {
  const clean = plainText(headline).replace(/\s+/g, " ").trim();
  if (!clean.includes(START)) return highlightLiterally(clean.slice(0, 300), q);
  const parts: SnippetPart[] = [];
  for (const piece of clean.split(START)) {
    const [marked, rest] = piece.includes(STOP) ? piece.split(STOP, 2) : [null, piece];
    if (marked) parts.push({ text: marked, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/** Markdown syntax read aloud in a snippet is noise: links keep their text, markers go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]( \[[ x]\])?|\d+\.)\s+/gm, "")
    .replace(/`{3,}[\w-]*|\*\*|__|\|/g, " ");
}

function highlightLiterally(text: string, q: string): SnippetPart[] {
  const words = q
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\"]/g, "\\$&"));
  if (!words.length) return [{ text, match: false }];
  return text
    .split(new RegExp(`(${words.join("|")})`, "i"))
    .filter(Boolean)
    .map((part) => ({ text: part, match: words.some((w) => new RegExp(`^${w}$`, "i").test(part)) }));
}
