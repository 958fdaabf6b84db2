import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { runIndexSlice } from "../indexing";
import { decidingNodes } from "../permissions";
import { requestSync } from "../sync";
import { readFeed, ZFeedQuery, type FeedChange, type FeedMirrorAccess, type FeedRecord } from ".";

let sim: Simulator;
useSyncTestSite({ seed: 41, spaces: 2, pages: 30 }, (started) => (sim = started));

async function admin(path: string, method: string, body?: unknown) {
  const response = await simAdmin(sim, path, method, body);
  expect(response.ok, `${method} ${path}`).toBe(true);
  return (await response.json().catch(() => ({}))) as { id: string };
}

/** A run to its end, then the indexing the worker would do after it. */
async function syncAndIndex(connectorId: string, kind: "full" | "incremental", outcome = "completed") {
  const { run } = await requestSync(connectorId, { kind, trigger: "test" });
  await driveRun(run.id);
  expect((await db().syncRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe(outcome);
  while ((await runIndexSlice(connectorId)) === "continue");
}

/** Reads the feed to its end in small pages, as a consumer would; returns every change and the last cursor. */
async function drain(cursor?: string) {
  const changes: FeedChange[] = [];
  for (let page = 0; page < 100; page++) {
    const answer = await readFeed(ZFeedQuery.parse({ cursor, limit: 7 }));
    changes.push(...answer.changes);
    cursor = answer.cursor;
    if (!answer.hasMore) return { changes, cursor };
  }
  throw new Error("the feed did not end");
}

/** The records a consumer should hold: those somebody may see (a readable chain and a space grant). */
async function visibleKeys(connectorId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ key: string }[]>`
    SELECT c.connector_id || '/' || c.confluence_id AS key FROM content_items c
    WHERE c.connector_id = ${connectorId} AND c.index_status <> 'pending'
      AND EXISTS (SELECT 1 FROM space_read_grants g WHERE g.connector_id = c.connector_id AND g.space_id = c.space_confluence_id)
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${decidingNodes(Prisma.raw("c"))}) n(node_id)
        LEFT JOIN read_restrictions r ON r.connector_id = c.connector_id AND r.node_id = n.node_id
        WHERE r.node_id IS NULL OR r.state = 'nobody')`;
  return rows.map((r) => r.key).sort();
}

function applyTo(mirror: Map<string, FeedRecord>, changes: FeedChange[]) {
  for (const change of changes) {
    if (change.op === "upsert") mirror.set(change.key, change.record);
    else mirror.delete(change.key);
  }
}

const keysOf = (changes: FeedChange[]) => changes.map((c) => c.key);
const pageOf = (type: "page" | "blogpost", skip = 0) => sim.store.contentList.filter((c) => c.type === type && c.status === "current")[skip]!;

describe("the changes feed", () => {
  it("brings a consumer to exactly what is stored, each record once; then brings only an edit, a trash and a restriction change", async () => {
    const connectorId = await configuredConnector(sim);
    await syncAndIndex(connectorId, "full");
    const first = await drain();
    expect(new Set(keysOf(first.changes)).size, "no record twice").toBe(first.changes.length);
    const mirror = new Map<string, FeedRecord>();
    applyTo(mirror, first.changes);
    expect([...mirror.keys()].sort()).toEqual(await visibleKeys(connectorId));
    const stored = await db().contentItem.findFirstOrThrow({ where: { connectorId, type: "page", indexStatus: "indexed" }, include: { searchChunks: true } });
    const sent = mirror.get(`${connectorId}/${stored.confluenceId}`)!;
    expect(sent).toMatchObject({ id: stored.id, title: stored.title, markdown: stored.markdown, url: stored.webUrl });
    expect(sent.chunks.map((c) => c.text).sort()).toEqual(stored.searchChunks.map((c) => c.text).sort());
    expect(sent.access.strategy).toBe("mirror");
    const { space } = sent.access as FeedMirrorAccess;
    expect(space.users.length + space.groups.length + Number(space.anonymous)).toBeGreaterThan(0);
    expect((await drain(first.cursor)).changes, "nothing new, nothing again").toEqual([]);

    const [edited, trashed, restricted] = [pageOf("page", 0), pageOf("page", 1), pageOf("blogpost", 0)];
    const group = await admin("/groups", "POST", { name: "feed-readers" });
    await admin(`/pages/${edited.id}`, "PUT", { body: "<p>The zanzibarquux procedure, revised.</p>" });
    await admin(`/pages/${trashed.id}/trash`, "POST");
    await admin(`/blogposts/${restricted.id}/restrictions`, "PUT", { users: [], groups: [String(group.id)] });
    // The trashed page and the pages below it (their chain changes), and the comments and files of all of them.
    const below = await db().contentItem.findMany({
      where: { connectorId, OR: [{ confluenceId: String(trashed.id) }, { ancestorIds: { has: String(trashed.id) } }] },
    });
    const trashedKeys = [...below, ...(await db().contentItem.findMany({ where: { connectorId, containerId: { in: below.map((b) => b.confluenceId) } } }))];
    await syncAndIndex(connectorId, "incremental");

    const next = await drain(first.cursor);
    const byKey = new Map(next.changes.map((c) => [c.key, c]));
    expect(byKey.size, "no record twice").toBe(next.changes.length);
    const key = (id: number) => `${connectorId}/${id}`;
    const editedChange = byKey.get(key(edited.id));
    expect(editedChange?.op === "upsert" && editedChange.record.markdown).toContain("zanzibarquux");
    expect(byKey.get(key(trashed.id))).toMatchObject({ op: "delete", reason: "deleted" });
    const restrictedChange = byKey.get(key(restricted.id));
    expect(restrictedChange?.op === "upsert" && restrictedChange.record.access.strategy === "mirror" && restrictedChange.record.access.layers).toEqual([
      { nodeId: String(restricted.id), users: [], groups: [String(group.id)] },
    ]);
    // Nothing else moved but what those three decide (the trashed page's dependants, the post's comments and files).
    const dependants = await db().contentItem.findMany({ where: { connectorId, containerId: { in: [String(edited.id), String(restricted.id)] } } });
    const allowed = new Set([...trashedKeys, ...dependants].map((i) => `${connectorId}/${i.confluenceId}`).concat([key(edited.id), key(restricted.id)]));
    expect([...byKey.keys()].filter((k) => !allowed.has(k))).toEqual([]);
    applyTo(mirror, next.changes);
    expect([...mirror.keys()].sort()).toEqual(await visibleKeys(connectorId));
  });

  it("holds back a change committed after a later one until it commits, so the consumer never skips it", async () => {
    const connectorId = await configuredConnector(sim);
    await syncAndIndex(connectorId, "full");
    const { cursor } = await drain();
    const [older, newer] = await db().contentItem.findMany({
      where: { connectorId, type: "page", indexStatus: "indexed" },
      take: 2,
      orderBy: { confluenceId: "asc" },
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const olderWritten = new Promise<void>((resolve) => (written = resolve));
    // The older transaction takes its id first and commits last.
    const slow = db().$transaction(async (tx) => {
      await tx.contentItem.update({ where: { id: older!.id }, data: { title: "Renamed first, committed last" } });
      written();
      await held;
    });
    await olderWritten;
    await db().contentItem.update({ where: { id: newer!.id }, data: { title: "Renamed second, committed first" } });
    const meanwhile = await drain(cursor);
    expect(meanwhile.changes, "the later change waits for the earlier one").toEqual([]);
    expect(meanwhile.cursor).toBe(cursor);
    release();
    await slow;
    const after = await drain(cursor);
    expect(after.changes.map((c) => c.op === "upsert" && c.record.title)).toEqual(["Renamed first, committed last", "Renamed second, committed first"]);
  });

  it("sends a record whose restriction cannot be read as a deletion (visible to nobody), and again once it can be read", async () => {
    const connectorId = await configuredConnector(sim);
    await syncAndIndex(connectorId, "full");
    const { cursor } = await drain();
    const page = pageOf("page", 2);
    await admin("/faults/restrictions", "PUT", { [page.id]: 404 });
    // The unreadable restriction is reported on the run; the page stays stored, for administrators only.
    await syncAndIndex(connectorId, "full", "completed_with_errors");
    const hidden = await drain(cursor);
    expect(hidden.changes.find((c) => c.key === `${connectorId}/${page.id}`)).toMatchObject({ op: "delete", reason: "visible_to_nobody" });
    await admin("/faults/restrictions", "DELETE");
    await syncAndIndex(connectorId, "full");
    const back = await drain(hidden.cursor);
    expect(back.changes.find((c) => c.key === `${connectorId}/${page.id}`)).toMatchObject({ op: "upsert", record: { title: page.title } });
  });

  it("re-sends a page's comments with the new layer when the page moves under a restricted parent", async () => {
    const withComment = sim.store.commentList.find(
      (c) => c.status === "current" && c.kind === "footer" && sim.store.contents.get(c.containerId)?.type === "page",
    )!;
    const moved = sim.store.contents.get(withComment.containerId)!;
    const parent = sim.store.contentList.find(
      (c) =>
        c.type === "page" &&
        c.status === "current" &&
        c.spaceId === moved.spaceId &&
        c.id !== moved.id &&
        !sim.store.ancestors(c).some((a) => a.id === moved.id),
    )!;
    // The parent is restricted before the first run: only the move changes the comment's answer.
    const group = await admin("/groups", "POST", { name: "movers" });
    await admin(`/pages/${parent.id}/restrictions`, "PUT", { users: [], groups: [String(group.id)] });
    const connectorId = await configuredConnector(sim);
    await syncAndIndex(connectorId, "full");
    const { cursor } = await drain();
    await admin(`/pages/${moved.id}/move`, "POST", { parentId: parent.id });
    await syncAndIndex(connectorId, "incremental");
    const changes = (await drain(cursor)).changes;
    const comment = changes.find((c) => c.key === `${connectorId}/${withComment.id}`);
    expect(comment?.op === "upsert" && comment.record.access.strategy === "mirror" && comment.record.access.layers.map((l) => l.nodeId)).toContain(
      String(parent.id),
    );
  });
});
