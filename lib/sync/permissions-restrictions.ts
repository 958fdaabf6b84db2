import { ConfluenceError, RateLimitedError, UnauthorizedError, ZContentRestrictionRead, type V1User } from "../confluence";
import { db } from "../db";
import { stripNul } from "../pg-text";
import { serverEnv } from "../env";
import { nextStep } from "./advance";
import { commitPage } from "./commit-page";
import { upsertUsers, type StoredPerson } from "./permissions-people";
import type { PermissionsWalk } from "./permissions-walk";
import type { StepContext } from "./step-context";

type Walk = PermissionsWalk;
/**
 * Restriction reads per commit: bounded work per slice, and the client runs them concurrently.
 * Each batch also costs a node query and a commit, so small batches left the step waiting on the
 * database between waves of requests (20 a batch: 28 s for 2,164 reads at 50 ms; 100: see the README).
 */
const BATCH = 100;
/** Confluence Cloud serves at most 100 subjects of each kind per restriction page. */
const SUBJECTS = 100;

export type NodeRestriction = { state: "open" } | { state: "restricted"; userIds: string[]; groupIds: string[] } | { state: "nobody"; reason: string };

/**
 * The nodes whose read restrictions decide visibility: every stored page, blog post and folder,
 * every id on their ancestor chains (stored or not: an ancestor outside the sync's scope still
 * restricts), and the containers of comments and attachments. Full runs read them all;
 * incremental runs those never read, read as "nobody", or stored rows changed since their read,
 * and the oldest reads up to `recheckBefore` (a restriction changes no version).
 */
async function nextNodes(ctx: StepContext, after: string | null, recheckBefore: string | null): Promise<string[]> {
  const rows = await db().$queryRaw<{ node_id: string }[]>`
    WITH nodes AS (
      SELECT DISTINCT n.node_id FROM content_items ci
      CROSS JOIN LATERAL unnest(CASE WHEN ci.type IN ('page', 'blogpost', 'folder') THEN ci.ancestor_ids || ci.confluence_id
        ELSE ARRAY[ci.container_id] END) AS n(node_id)
      WHERE ci.connector_id = ${ctx.connectorId} AND n.node_id IS NOT NULL
    )
    SELECT nodes.node_id FROM nodes
    LEFT JOIN read_restrictions r ON r.connector_id = ${ctx.connectorId} AND r.node_id = nodes.node_id
    LEFT JOIN content_items ci ON ci.connector_id = ${ctx.connectorId} AND ci.confluence_id = nodes.node_id
    WHERE (${after}::text IS NULL OR nodes.node_id > ${after}::text)
      AND (${ctx.kind === "full"} OR r.node_id IS NULL OR r.state = 'nobody' OR (ci.synced_at IS NOT NULL AND ci.synced_at > r.updated_at)
        OR (${recheckBefore}::text IS NOT NULL AND r.updated_at <= ${recheckBefore}::timestamp))
      AND (r.read_run_id IS DISTINCT FROM ${ctx.runId})
    ORDER BY nodes.node_id LIMIT ${BATCH}`;
  return rows.map((r) => r.node_id);
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

/** One batch of restriction reads, stored with the checkpoint; the last batch (full runs) drops rows of nodes gone. */
export async function readRestrictionsBatch<W extends Pick<Walk, "afterNode" | "recheckBefore">>(
  ctx: StepContext,
  walkAsStored: W,
  readNode: (ctx: StepContext, nodeId: string, users: StoredPerson[]) => Promise<NodeRestriction> = readNodeRestriction,
): Promise<void> {
  const walk = walkAsStored.recheckBefore === undefined ? { ...walkAsStored, recheckBefore: await recheckCutoff(ctx) } : walkAsStored;
  const nodes = await nextNodes(ctx, walk.afterNode, walk.recheckBefore ?? null);
  if (nodes.length === 0) {
    return commitPage(ctx, {
      phase: "permissions",
      next: nextStep(ctx.checkpoint),
      extra:
        ctx.kind === "full"
          ? async (tx) => {
              await tx.readRestriction.deleteMany({ where: { connectorId: ctx.connectorId, NOT: { readRunId: ctx.runId } } });
            }
          : undefined,
    });
  }
  const users: StoredPerson[] = [];
  const read = await Promise.all(nodes.map(async (nodeId) => ({ nodeId, r: await readNode(ctx, nodeId, users) })));
  const failed = read.filter((x) => x.r.state === "nobody");
  await commitPage(ctx, {
    phase: "permissions",
    failures: failed.map((x) => ({
      itemType: "permission" as const,
      confluenceId: x.nodeId,
      reason: `read restriction could not be read; visible to administrators only until a later run reads it (${(x.r as { reason: string }).reason})`,
    })),
    next: { ...ctx.checkpoint, state: { ...walk, afterNode: nodes[nodes.length - 1]! } },
    delta: { permission: { fetched: read.length - failed.length, discovered: read.length } },
    extra: async (tx) => {
      await upsertUsers(tx, ctx.connectorId, users, ctx.site.deployment === "datacenter" ? "keep" : "replace");
      // One statement for the batch: a round trip per node made the step wait on the database.
      await tx.$executeRaw`
        INSERT INTO read_restrictions (connector_id, node_id, state, user_ids, group_ids, reason, read_run_id, updated_at)
        SELECT ${ctx.connectorId}, r.node_id, r.state, ARRAY(SELECT jsonb_array_elements_text(r.user_ids::jsonb)),
               ARRAY(SELECT jsonb_array_elements_text(r.group_ids::jsonb)), r.reason, ${ctx.runId}, now() AT TIME ZONE 'UTC'
        FROM unnest(${read.map((x) => x.nodeId)}::text[], ${read.map((x) => x.r.state)}::text[],
                    ${read.map((x) => JSON.stringify(x.r.state === "restricted" ? x.r.userIds : []))}::text[],
                    ${read.map((x) => JSON.stringify(x.r.state === "restricted" ? x.r.groupIds : []))}::text[],
                    ${read.map((x) => (x.r.state === "nobody" ? stripNul(x.r.reason) : null))}::text[])
          AS r(node_id, state, user_ids, group_ids, reason)
        ON CONFLICT (connector_id, node_id) DO UPDATE SET state = EXCLUDED.state, user_ids = EXCLUDED.user_ids, group_ids = EXCLUDED.group_ids,
          reason = EXCLUDED.reason, read_run_id = EXCLUDED.read_run_id, updated_at = EXCLUDED.updated_at`;
    },
  });
}
