import { ConfluenceError, RateLimitedError, UnauthorizedError, ZContentRestrictionRead, type V1User } from "../confluence";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { stripNul } from "../pg-text";
import { serverEnv } from "../env";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import { commitInGroups } from "./commit-in-groups";
import { downloadWindow } from "./download-step";
import { upsertUsers, type StoredPerson } from "./permissions-people";
import type { PermissionsWalk } from "./permissions-walk";
import type { StepContext } from "./step-context";

type Walk = PermissionsWalk;
/**
 * Restriction reads per call and per commit. A call's reads go on while its earlier groups
 * commit: waiting for each commit between waves of requests left the network idle (20 a batch,
 * each waited for: 28 s for 2,164 reads at 50 ms; see the README for now).
 */
const TAKE = 200;
const GROUP = 25;
/** Confluence Cloud serves at most 100 subjects of each kind per restriction page. */
const SUBJECTS = 100;

export type NodeRestriction = { state: "open" } | { state: "restricted"; userIds: string[]; groupIds: string[] } | { state: "nobody"; reason: string };

/**
 * Lists, once when the stage starts, the nodes whose read restrictions decide visibility: every
 * stored page, blog post and folder, every id on their ancestor chains (stored or not: an
 * ancestor outside the sync's scope still restricts), and the containers of comments and
 * attachments. Full runs read them all. One scan of the site per run: each batch then reads the
 * next ids of this list by key (a scan per batch grew with the square of the site's size).
 */
async function listNodes(tx: Prisma.TransactionClient, ctx: StepContext, recheckBefore: string | null): Promise<number> {
  if (ctx.kind === "incremental") return listChangedNodes(tx, ctx, recheckBefore);
  await tx.restrictionToRead.deleteMany({ where: { connectorId: ctx.connectorId } });
  return tx.$executeRaw`
    WITH nodes AS (
      SELECT DISTINCT n.node_id FROM content_items ci CROSS JOIN LATERAL unnest(${NODES_OF_ITEM}) AS n(node_id)
      WHERE ci.connector_id = ${ctx.connectorId} AND n.node_id IS NOT NULL
    )
    INSERT INTO restrictions_to_read (connector_id, node_id, run_id)
    SELECT ${ctx.connectorId}, nodes.node_id, ${ctx.runId} FROM nodes
    LEFT JOIN read_restrictions r ON r.connector_id = ${ctx.connectorId} AND r.node_id = nodes.node_id
    WHERE r.read_run_id IS DISTINCT FROM ${ctx.runId}`;
}

/** The nodes an item's visibility depends on: its own and its chain's, or its container. */
const NODES_OF_ITEM = Prisma.sql`CASE WHEN ci.type IN ('page', 'blogpost', 'folder') THEN ci.ancestor_ids || ci.confluence_id ELSE ARRAY[ci.container_id] END`;

/**
 * An incremental run's list, from what changed, each part found by index (the run's cost follows
 * its changes, not the site): the nodes of items seen by this run or by one that did not finish
 * (whose reads may never have happened), when never read, changed since their read or read
 * before `recheckBefore` (a restriction changes no version); nodes read as "nobody" and the
 * oldest reads up to `recheckBefore`, if a stored item is, or has as parent or container, that
 * node (an ancestor further up, outside the sync's scope, waits for the next full run); and what
 * an interrupted earlier run left on the list. Returns the list's length.
 */
async function listChangedNodes(tx: Prisma.TransactionClient, ctx: StepContext, recheckBefore: string | null): Promise<number> {
  const connectorId = ctx.connectorId;
  await tx.$executeRaw`
    WITH seen AS (
      SELECT ci.* FROM sync_runs sr
      JOIN content_items ci ON ci.connector_id = ${connectorId} AND ci.last_seen_run_id = sr.id
      WHERE sr.connector_id = ${connectorId} AND sr.status NOT IN ('completed', 'completed_with_errors')
    ), changed AS (
      SELECT DISTINCT n.node_id FROM seen ci CROSS JOIN LATERAL unnest(${NODES_OF_ITEM}) AS n(node_id) WHERE n.node_id IS NOT NULL
    ), nodes AS (
      SELECT changed.node_id FROM changed
      LEFT JOIN read_restrictions r ON r.connector_id = ${connectorId} AND r.node_id = changed.node_id
      LEFT JOIN content_items ci ON ci.connector_id = ${connectorId} AND ci.confluence_id = changed.node_id
      WHERE r.node_id IS NULL OR r.state = 'nobody' OR (ci.synced_at IS NOT NULL AND ci.synced_at > r.updated_at)
        OR (${recheckBefore}::text IS NOT NULL AND r.updated_at <= ${recheckBefore}::timestamp)
      UNION
      SELECT again.node_id FROM (
        SELECT node_id FROM read_restrictions WHERE connector_id = ${connectorId} AND state = 'nobody'
        UNION
        SELECT node_id FROM read_restrictions
        WHERE connector_id = ${connectorId} AND ${recheckBefore}::text IS NOT NULL AND updated_at <= ${recheckBefore}::timestamp
      ) again
      -- Still in the site: a stored item, or the parent or container of one (a node gone since would fail its read every run).
      WHERE EXISTS (SELECT 1 FROM content_items c WHERE c.connector_id = ${connectorId} AND c.confluence_id = again.node_id)
        OR EXISTS (SELECT 1 FROM content_items c WHERE c.connector_id = ${connectorId} AND c.parent_id = again.node_id)
        OR EXISTS (SELECT 1 FROM content_items c WHERE c.connector_id = ${connectorId} AND c.container_id = again.node_id)
    )
    INSERT INTO restrictions_to_read (connector_id, node_id, run_id)
    SELECT ${connectorId}, nodes.node_id, ${ctx.runId} FROM nodes
    WHERE NOT EXISTS (SELECT 1 FROM read_restrictions r WHERE r.connector_id = ${connectorId} AND r.node_id = nodes.node_id AND r.read_run_id = ${ctx.runId})
    ON CONFLICT (connector_id, node_id) DO NOTHING`;
  return tx.restrictionToRead.count({ where: { connectorId } });
}

/** The next nodes on the list (a node leaves it in the commit that stores its read). */
async function nextNodes(ctx: StepContext): Promise<string[]> {
  const rows = await db().restrictionToRead.findMany({
    where: { connectorId: ctx.connectorId },
    orderBy: { nodeId: "asc" },
    take: TAKE,
    select: { nodeId: true },
  });
  return rows.map((r) => r.nodeId);
}

/**
 * One node's direct read restriction, subject lists paged to the end. Group entries are keyed by
 * id (a name-only entry is resolved through the stored groups, else dropped: the layer still
 * restricts, so it fails closed). Anything that keeps it from being read (404, 403, a draft, a
 * transient failure) is "nobody", never an empty list; a refused sign-in or exhausted rate limit
 * stops the slice instead, to be retried.
 */
export async function readNodeRestriction(ctx: StepContext, nodeId: string, users: V1User[]): Promise<NodeRestriction> {
  const userIds: string[] = [];
  const groupIds: string[] = [];
  const groupNames: string[] = [];
  try {
    for (let start = 0; ; start += SUBJECTS) {
      const r = await ctx.client.getJson(`/wiki/rest/api/content/${encodeURIComponent(nodeId)}/restriction/byOperation/read`, {
        query: { start, limit: SUBJECTS },
        schema: ZContentRestrictionRead,
      });
      const { user, group } = r.restrictions;
      for (const u of user.results) {
        userIds.push(u.accountId);
        users.push(u);
      }
      for (const g of group.results) {
        if (g.id) groupIds.push(g.id);
        else groupNames.push(g.name);
      }
      const more = (list: { results: unknown[]; totalSize?: number | null; size?: number | null; limit?: number | null }) =>
        list.totalSize != null ? start + list.results.length < list.totalSize : list.results.length >= (list.limit ?? SUBJECTS) && list.results.length > 0;
      if (!more(user) && !more(group)) break;
    }
  } catch (err) {
    if (err instanceof UnauthorizedError || err instanceof RateLimitedError || !(err instanceof ConfluenceError)) throw err;
    return { state: "nobody", reason: `${err.name}: ${err.message}`.slice(0, 500) };
  }
  if (groupNames.length) {
    const known = await db().confluenceGroup.findMany({ where: { connectorId: ctx.connectorId, name: { in: groupNames } }, select: { groupId: true } });
    groupIds.push(...known.map((g) => g.groupId));
  }
  if (userIds.length === 0 && groupIds.length === 0 && groupNames.length === 0) return { state: "open" };
  return { state: "restricted", userIds: [...new Set(userIds)], groupIds: [...new Set(groupIds)] };
}

/**
 * The read time at or before which an incremental run re-reads restrictions: that of the
 * SYNC_RESTRICTION_RECHECK-th oldest read (all of them on a smaller site). Rows read in this run
 * are newer, so the set is fixed for the run and the run's cost stays bounded.
 */
async function recheckCutoff(ctx: StepContext): Promise<string | null> {
  const budget = serverEnv().SYNC_RESTRICTION_RECHECK;
  if (ctx.kind === "full" || budget === 0) return null;
  const [row] = await db().$queryRaw<{ at: string | null }[]>`
    SELECT to_char(max(updated_at), 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM (
      SELECT updated_at FROM read_restrictions WHERE connector_id = ${ctx.connectorId} ORDER BY updated_at, node_id LIMIT ${budget}) oldest`;
  return row?.at ?? null;
}

/**
 * One call of the restriction stage. The first lists the nodes to read; each later one reads the
 * next TAKE of them, committing each GROUP read (restrictions stored, nodes off the list) while
 * the rest are read, with a window of attachment downloads beside them; the last (full runs)
 * drops the rows of nodes gone.
 */
export async function readRestrictionsBatch<W extends Pick<Walk, "recheckBefore" | "nodesListed">>(
  ctx: StepContext,
  walk: W,
  readNode: (ctx: StepContext, nodeId: string, users: StoredPerson[]) => Promise<NodeRestriction> = readNodeRestriction,
): Promise<void> {
  if (!walk.nodesListed) {
    // A checkpoint written before the list existed may carry a cutoff already: keep it. Nodes
    // read by this run before are left out of the list, so listing again on resume is safe.
    const recheckBefore = walk.recheckBefore === undefined ? await recheckCutoff(ctx) : walk.recheckBefore;
    // Counted when listed, so the dashboard knows the stage's size from its start.
    const permission = { discovered: 0 };
    return commitPage(ctx, {
      phase: "permissions",
      next: { ...ctx.checkpoint, state: { ...walk, recheckBefore, nodesListed: true } },
      delta: { permission },
      extra: async (tx) => {
        permission.discovered = await listNodes(tx, ctx, recheckBefore);
      },
    });
  }
  const nodes = await nextNodes(ctx);
  if (nodes.length === 0) {
    return commitPage(ctx, {
      phase: "permissions",
      next: nextStep(ctx.checkpoint),
      extra: async (tx) => {
        if (ctx.kind === "full") await tx.readRestriction.deleteMany({ where: { connectorId: ctx.connectorId, NOT: { readRunId: ctx.runId } } });
      },
    });
  }
  // The client keeps its own number of requests in flight; the reads only wait their turn there.
  const reads = commitInGroups(nodes, {
    concurrency: Infinity,
    groupSize: GROUP,
    work: async (nodeId): Promise<NodeRead> => {
      const users: StoredPerson[] = [];
      return { nodeId, r: await readNode(ctx, nodeId, users), users };
    },
    commit: (group) => commitReads(ctx, group),
  });
  // Attachment files download beside the reads, through the same client: a download's
  // database writes leave its place free for a read, and neither stage waits for the other
  // (one after the other, 2,759 requests took 25.7 s at 50 ms against a 17.2 s floor). The
  // downloads step after this one does whatever is left. Both settle before the call returns.
  const settled = await Promise.allSettled([reads, downloadWindow(ctx, null)]);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
}

type NodeRead = { nodeId: string; r: NodeRestriction; users: StoredPerson[] };

/** Stores a group of reads and takes their nodes off the list, with the run's counters; the checkpoint stays (the list says what is left). */
async function commitReads(ctx: StepContext, read: NodeRead[]): Promise<void> {
  const failed = read.filter((x) => x.r.state === "nobody");
  await commitPage(ctx, {
    phase: "permissions",
    failures: failed.map((x) => ({
      itemType: "permission" as const,
      confluenceId: x.nodeId,
      reason: `read restriction could not be read; visible to administrators only until a later run reads it (${(x.r as { reason: string }).reason})`,
    })),
    delta: { permission: { fetched: read.length - failed.length } },
    extra: async (tx) => {
      await upsertUsers(
        tx,
        ctx.connectorId,
        read.flatMap((x) => x.users),
        ctx.site.deployment === "datacenter" ? "keep" : "replace",
      );
      const ids = read.map((x) => x.nodeId);
      // One statement for the group: a round trip per node made the step wait on the database.
      await tx.$executeRaw`
        INSERT INTO read_restrictions (connector_id, node_id, state, user_ids, group_ids, reason, read_run_id, updated_at)
        SELECT ${ctx.connectorId}, r.node_id, r.state, ARRAY(SELECT jsonb_array_elements_text(r.user_ids::jsonb)),
               ARRAY(SELECT jsonb_array_elements_text(r.group_ids::jsonb)), r.reason, ${ctx.runId}, now() AT TIME ZONE 'UTC'
        FROM unnest(${ids}::text[], ${read.map((x) => x.r.state)}::text[],
                    ${read.map((x) => JSON.stringify(x.r.state === "restricted" ? x.r.userIds : []))}::text[],
                    ${read.map((x) => JSON.stringify(x.r.state === "restricted" ? x.r.groupIds : []))}::text[],
                    ${read.map((x) => (x.r.state === "nobody" ? stripNul(x.r.reason) : null))}::text[])
          AS r(node_id, state, user_ids, group_ids, reason)
        ON CONFLICT (connector_id, node_id) DO UPDATE SET state = EXCLUDED.state, user_ids = EXCLUDED.user_ids, group_ids = EXCLUDED.group_ids,
          reason = EXCLUDED.reason, read_run_id = EXCLUDED.read_run_id, updated_at = EXCLUDED.updated_at`;
      await tx.restrictionToRead.deleteMany({ where: { connectorId: ctx.connectorId, nodeId: { in: ids } } });
    },
  });
}
