// Keeps a local JSONL mirror (one record per line) of what the connector synced, through the changes
// feed. Run it as often as you like: it resumes from the cursor it saved beside the mirror.
//   APP_URL=http://localhost:3000 API_KEY=<an administrator's key> node examples/feed-mirror.mjs mirror.jsonl
// Optional: CONNECTOR_ID=<id> mirrors one connector only.
import fs from "node:fs";

const file = process.argv[2] ?? "mirror.jsonl";
const cursorFile = `${file}.cursor`;
const records = new Map();
if (fs.existsSync(file)) for (const line of fs.readFileSync(file, "utf8").split("\n").filter(Boolean)) records.set(JSON.parse(line).key, JSON.parse(line));
let cursor = fs.existsSync(cursorFile) ? fs.readFileSync(cursorFile, "utf8").trim() : "";
for (let more = true; more;) {
  const url = new URL("/api/feed", process.env.APP_URL ?? "http://localhost:3000");
  url.searchParams.set("limit", "200");
  if (cursor) url.searchParams.set("cursor", cursor);
  if (process.env.CONNECTOR_ID) url.searchParams.set("connectorId", process.env.CONNECTOR_ID);
  const response = await fetch(url, { headers: { authorization: `Bearer ${process.env.API_KEY}` } });
  // 410: the feed no longer knows our cursor. Start over from nothing.
  if (response.status === 410) {
    records.clear();
    cursor = "";
    continue;
  }
  if (!response.ok) throw new Error(`GET /api/feed answered ${response.status}: ${await response.text()}`);
  const page = await response.json();
  for (const change of page.changes) {
    if (change.op === "upsert") records.set(change.key, change.record);
    else records.delete(change.key); // deleted, or visible to nobody any more
  }
  // The mirror first, then the cursor: a crash between the two replays one page, which is harmless.
  fs.writeFileSync(`${file}.tmp`, [...records.values()].map((r) => `${JSON.stringify(r)}\n`).join(""));
  fs.renameSync(`${file}.tmp`, file);
  fs.writeFileSync(cursorFile, page.cursor);
  [cursor, more] = [page.cursor, page.hasMore];
}
console.log(`${records.size} records in ${file}`);
