/**
 * `npm run bench:search [-- --chunks 100000 --rounds 5]`: loads a throw-away PostgreSQL with
 * this many index chunks (multi-language text with a Zipf-like vocabulary, through the same
 * writer the indexing stage uses), then runs a fixed query set through `searchRecords` and
 * prints p50/p95 latency, the load rate and the index size.
 */
import { parseArgs } from "node:util";
import { LANGS } from "../simulator/generate/words";
import { mulberry32 } from "../simulator/rand";
import { setAppEnvironment, startBenchDatabase } from "./harness";

const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "100000" },
    rounds: { type: "string", default: "5" },
    explain: { type: "string" },
    users: { type: "string", default: "1000" },
    groups: { type: "string", default: "200" },
  },
});
const chunkTarget = Number(values.chunks);
const CHUNKS_PER_ITEM = 5;
const database = await startBenchDatabase("bench-search");
setAppEnvironment(database.url);
const { db, disconnectDb } = await import("../lib/db");
const { writeIndexBatch } = await import("../lib/indexing");
const { searchRecords, explainSearch, ZSearchQuery, detectSearchConfig } = await import("../lib/content");
type Viewer = import("../lib/permissions").Viewer;

// A vocabulary of made-up words with Zipf-like frequencies, so that queries range from
// very common to rare terms as on a real site, plus the simulator's sentences per language.
const rng = mulberry32(7);
const syllables = ["ka", "to", "ri", "men", "sol", "var", "den", "lu", "pra", "qui", "zen", "hob", "tal", "ves", "nor", "bi"];
const vocabulary = Array.from({ length: 30_000 }, () =>
  Array.from({ length: 2 + Math.floor(rng() * 3) }, () => syllables[Math.floor(rng() * syllables.length)]).join(""),
);
const zipfWord = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rng() * Math.log(vocabulary.length))) - 1)]!;
const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)]!;
function chunkText(langIndex: number): string {
  const lang = LANGS[langIndex]!;
  const sentences = Array.from({ length: 6 }, () => `${pick(lang.sentences)} ${Array.from({ length: 12 }, zipfWord).join(" ")}.`);
  return `${pick(lang.headings)}\n\n${sentences.join(" ")}`;
}

const connector = await db().connector.create({ data: { name: "Bench", siteUrl: "https://bench.atlassian.net", authMethod: "api_token" } });
const space = await db().confluenceSpace.create({
  data: { connectorId: connector.id, confluenceId: "1", key: "BENCH", name: "Bench space", type: "global", status: "current" },
});
const itemCount = Math.ceil(chunkTarget / CHUNKS_PER_ITEM);
const BATCH = 500;
/** One batch of records, stored as a sync would leave them and converted as the indexer would. */
async function prepareBatch(start: number) {
  const size = Math.min(BATCH, itemCount - start);
  const langs = Array.from({ length: size }, (_, i) => (start + i) % LANGS.length);
  const created = await db().contentItem.createManyAndReturn({
    data: langs.map((lang, i) => ({
      connectorId: connector.id,
      confluenceId: String(100_000 + start + i),
      type: "page",
      spaceConfluenceId: space.confluenceId,
      title: `${pick(LANGS[lang]!.titleWords)} ${pick(LANGS[lang]!.topics)} ${zipfWord()}`,
      status: "current",
      version: 1,
      modifiedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 600) * 86_400_000),
    })),
    select: { id: true, confluenceId: true, title: true, updatedAt: true },
  });
  return created.map((item, i) => {
    const texts = Array.from({ length: CHUNKS_PER_ITEM }, () => chunkText(langs[i]!));
    return {
      id: item.id,
      confluenceId: item.confluenceId,
      type: "page",
      updatedAt: item.updatedAt,
      outcome: "indexed" as const,
      reason: null,
      markdown: texts.join("\n\n"),
      language: detectSearchConfig(texts[0]!),
      title: item.title,
      breadcrumb: ["Bench space"],
      spaceConfluenceId: space.confluenceId,
      chunks: texts.map((text, ordinal) => ({ ordinal, headingPath: [], text: `Bench space › ${item.title}\n${text}` })),
    };
  });
}
// Every batch is made first (records stored, text generated and its language detected: the work
// of the sync and the converter, measured by their own benchmarks), so the load rate is the
// writer's alone. Made beside the writer, this script's text generation took about 40% of the
// two cores the writer and PostgreSQL run on.
const batches: Awaited<ReturnType<typeof prepareBatch>>[] = [];
for (let start = 0; start < itemCount; start += BATCH) batches.push(await prepareBatch(start));
const loadStart = performance.now();
for (const prepared of batches) {
  await db().$transaction((tx) => writeIndexBatch(tx, connector.id, prepared), { timeout: 120_000 });
}
const loadSeconds = (performance.now() - loadStart) / 1000;
await db().$executeRawUnsafe("VACUUM ANALYZE search_chunks");
const [{ chunks, size }] = await db().$queryRaw<
  { chunks: bigint; size: string }[]
>`SELECT count(*) AS chunks, pg_size_pretty(pg_total_relation_size('search_chunks')) AS size FROM search_chunks`;
console.log(
  `loaded ${chunks} chunks (${itemCount} records) in ${loadSeconds.toFixed(1)} s (${Math.round(Number(chunks) / loadSeconds)} chunks/s); search_chunks with indexes: ${size}`,
);

// Permissions (lib/permissions): users, groups with memberships, one group granted the space,
// 5% of pages restricted to a group or a user; members linked by email search through the predicate.
const userCount = Number(values.users);
const groupCount = Math.max(1, Number(values.groups));
await db().confluenceUser.createMany({
  data: Array.from({ length: userCount }, (_, i) => ({
    connectorId: connector.id,
    accountId: `acc-${i}`,
    displayName: `User ${i}`,
    email: `user${i}@bench.example`,
    accountStatus: "active",
  })),
});
await db().confluenceGroup.createMany({
  data: Array.from({ length: groupCount }, (_, g) => ({ connectorId: connector.id, groupId: `grp-${g}`, name: `group ${g}` })),
});
const memberships = Array.from({ length: userCount }, (_, i) =>
  [0, ...Array.from({ length: 3 }, () => 1 + Math.floor(rng() * (groupCount - 1)))].map((g) => ({
    connectorId: connector.id,
    groupId: `grp-${g % groupCount}`,
    accountId: `acc-${i}`,
  })),
).flat();
await db().confluenceGroupMember.createMany({ data: memberships, skipDuplicates: true });
await db().spaceReadGrant.create({ data: { connectorId: connector.id, spaceId: space.confluenceId, principalType: "group", principalId: "grp-0" } });
await db().$executeRaw`
  INSERT INTO read_restrictions (connector_id, node_id, state, user_ids, group_ids, updated_at)
  SELECT connector_id, confluence_id,
         CASE WHEN random() < 0.05 THEN 'restricted' ELSE 'open' END,
         CASE WHEN random() < 0.5 THEN ARRAY['acc-' || floor(random() * ${userCount})::int] ELSE ARRAY[]::text[] END,
         ARRAY['grp-' || (1 + floor(random() * ${Math.max(1, groupCount - 1)}))::int], now()
  FROM content_items WHERE connector_id = ${connector.id}`;
await db().$executeRaw`UPDATE read_restrictions SET user_ids = '{}', group_ids = '{}' WHERE state = 'open'`;
const members: Viewer[] = [];
for (let i = 0; i < 5; i++)
  members.push({
    kind: "member",
    userId: (await db().user.create({ data: { email: `user${i * 7}@bench.example`, name: `m${i}`, passwordHash: "x", role: "member" } })).id,
  });
await db().$executeRawUnsafe("VACUUM ANALYZE");

// Fixed queries: common and rare words, phrases, operators, other languages, and filters.
const QUERIES: Record<string, string>[] = [
  { q: "release" },
  { q: "deployed regions failover" },
  { q: '"weekly release process"' },
  { q: vocabulary[3]! },
  { q: vocabulary[500]! },
  { q: vocabulary[20_000]! },
  { q: `${vocabulary[10]} ${vocabulary[900]}` },
  { q: "encrypted -transit" },
  { q: "reviewer OR approved" },
  { q: "Abrechnung" },
  { q: "Freigabeprozess des Teams" },
  { q: "暗号化" },
  { q: "basculement automatique" },
  { q: "release", modifiedFrom: "2024-06-01" },
  { q: "dashboard errors", space: "BENCH" },
  { q: "runbook", type: "page" },
];
// `--explain N` prints the plan of query N (0-based) before timing.
if (values.explain !== undefined) console.log(await explainSearch(ZSearchQuery.parse(QUERIES[Number(values.explain)])));
const rounds = Number(values.rounds);
/** Every query `rounds` times as one viewer (the administrator, or the members in turn); returns the timings. */
async function timeQueries(viewers: Viewer[], perQuery: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of QUERIES) await searchRecords(ZSearchQuery.parse(query), viewers[0]); // warm the cache
  for (const query of QUERIES) {
    const samples: number[] = [];
    let total = 0;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      total = (await searchRecords(ZSearchQuery.parse(query), viewers[r % viewers.length])).total;
      samples.push(performance.now() - t);
    }
    times.push(...samples);
    perQuery.push(`  ${JSON.stringify(query).padEnd(60)} ${String(total).padStart(7)} hits  median ${percentile(samples, 50).toFixed(1)} ms`);
  }
  return times;
}
const perQuery: string[] = [];
const times = await timeQueries([{ kind: "admin" }], perQuery);
const memberLines: string[] = [];
const memberTimes = await timeQueries(members, memberLines);
function percentile(list: number[], p: number) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
console.log(perQuery.join("\n"));
console.log(
  `search over ${chunks} chunks, ${QUERIES.length} queries x ${rounds} rounds: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
);
console.log("linked members (permission-filtered):\n" + memberLines.join("\n"));
console.log(
  `members, ${userCount} users, ${groupCount} groups: p50 ${percentile(memberTimes, 50).toFixed(1)} ms, p95 ${percentile(memberTimes, 95).toFixed(1)} ms, max ${Math.max(...memberTimes).toFixed(1)} ms; filtered p95 / unfiltered p95 = ${(percentile(memberTimes, 95) / percentile(times, 95)).toFixed(2)}`,
);
await disconnectDb();
await database.stop();
