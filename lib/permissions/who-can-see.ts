import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { appGroupIdsOf, audienceRulesFor, type AudienceMatch } from "./audience-access";
import { decidingNodes, viewerCte, visibleTo, type Viewer } from "./visible-to";

export interface Principal {
  /** "licensed": every licensed (or signed-in) Atlassian account, from a space role's access class; `id` names the class. */
  type: "user" | "group" | "anonymous" | "licensed";
  id: string;
  /** A user's display name or a group's name, when synced. */
  name: string | null;
}

export interface SpaceGrant extends Principal {
  /** The space role the grant came through ("" for a direct grant). */
  viaRole: string;
}

export interface DecidingLayer {
  nodeId: string;
  /** The node's title when it is stored (an ancestor outside the sync's scope is not). */
  title: string | null;
  /** "nobody" also stands for a node whose restrictions were never read. */
  state: "open" | "restricted" | "nobody";
  users: Principal[];
  groups: Principal[];
  reason: string | null;
}

export interface WhoCanSee {
  recordId: string;
  spaceId: string | null;
  /** Which strategy decides for the record's connector: Confluence's permissions, or audience rules. */
  strategy: "mirror" | "audience";
  /** Mirror only (empty with audience rules). */
  spaceGrants: SpaceGrant[];
  /** Root first, the item itself (or a comment's or attachment's container) last. Mirror only. */
  layers: DecidingLayer[];
  /** Audience only (empty when mirroring): the rules that cover the record; none means only administrators. */
  audience: AudienceMatch[];
}

/** What decided a person's answer, as a code the UI words (never a sentence to parse). */
export type PersonCheckReason =
  "visible" | "not_linked" | "account_deactivated" | "no_space_grant" | "restricted" | "nobody" | "refused" | "audience_rule" | "no_audience_rule";

export interface PersonCheck {
  strategy: "mirror" | "audience";
  visible: boolean;
  linkedAccount: { id: string; displayName: string | null } | null;
  decidedBy: {
    reason: PersonCheckReason;
    /** The restricted (or unreadable) node that refused them. */
    node: { id: string; title: string | null } | null;
    /** For "nobody": why the node's restriction could not be read. */
    detail: string | null;
    /** For "audience_rule": the rule that admits them. */
    rule: AudienceMatch | null;
  };
}

type Item = { connector_id: string; space_confluence_id: string | null; nodes: string[]; strategy: string };

// The same deciding nodes as `visibleTo` (one SQL expression for both).
async function itemOf(recordId: string): Promise<Item> {
  const rows = await db().$queryRaw<Item[]>`
    SELECT i.connector_id, i.space_confluence_id, ${decidingNodes(Prisma.raw("i"))} AS nodes, c.access_strategy AS strategy
    FROM content_items i JOIN connectors c ON c.id = i.connector_id WHERE i.id = ${recordId}`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "No record with that id.");
  return rows[0];
}

/**
 * Who may view a record: as Confluence decides it (the space's read grants and every layer of
 * read restrictions), or, on a connector with audience rules, the rules that cover it.
 */
export async function whoCanSee(recordId: string): Promise<WhoCanSee> {
  const item = await itemOf(recordId);
  if (item.strategy === "audience")
    return {
      recordId,
      spaceId: item.space_confluence_id,
      strategy: "audience",
      spaceGrants: [],
      layers: [],
      audience: await audienceRulesFor(item.connector_id, item.space_confluence_id),
    };
  const grants = await db().$queryRaw<{ principal_type: Principal["type"]; principal_id: string; via_role: string; name: string | null }[]>`
    SELECT s.principal_type, s.principal_id, s.via_role,
      CASE s.principal_type WHEN 'user' THEN u.display_name WHEN 'group' THEN g.name END AS name
    FROM space_read_grants s
    LEFT JOIN confluence_users u ON s.principal_type = 'user' AND u.connector_id = s.connector_id AND u.account_id = s.principal_id
    LEFT JOIN confluence_groups g ON s.principal_type = 'group' AND g.connector_id = s.connector_id AND g.group_id = s.principal_id
    WHERE s.connector_id = ${item.connector_id} AND s.space_id = ${item.space_confluence_id ?? ""}
    ORDER BY CASE s.principal_type WHEN 'anonymous' THEN 0 WHEN 'group' THEN 1 ELSE 2 END, name NULLS LAST, s.principal_id, s.via_role`;
  const layers = await db().$queryRaw<
    {
      ord: bigint;
      node_id: string;
      title: string | null;
      state: string | null;
      reason: string | null;
      users: { id: string; name: string | null }[];
      groups: { id: string; name: string | null }[];
    }[]
  >`
    SELECT n.ord, n.node_id, p.title, r.state, r.reason,
      COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', cu.display_name) ORDER BY x.n)
        FROM unnest(r.user_ids) WITH ORDINALITY x(id, n)
        LEFT JOIN confluence_users cu ON cu.connector_id = ${item.connector_id} AND cu.account_id = x.id), '[]'::json) AS users,
      COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', cg.name) ORDER BY x.n)
        FROM unnest(r.group_ids) WITH ORDINALITY x(id, n)
        LEFT JOIN confluence_groups cg ON cg.connector_id = ${item.connector_id} AND cg.group_id = x.id), '[]'::json) AS groups
    FROM unnest(${item.nodes}::text[]) WITH ORDINALITY n(node_id, ord)
    LEFT JOIN read_restrictions r ON r.connector_id = ${item.connector_id} AND r.node_id = n.node_id
    LEFT JOIN content_items p ON p.connector_id = ${item.connector_id} AND p.confluence_id = n.node_id
    ORDER BY n.ord`;
  return {
    recordId,
    spaceId: item.space_confluence_id,
    strategy: "mirror",
    audience: [],
    spaceGrants: grants.map((g) => ({ type: g.principal_type, id: g.principal_id, name: g.name, viaRole: g.via_role })),
    layers: layers.map((l) => ({
      nodeId: l.node_id,
      title: l.title,
      state: l.state === "open" || l.state === "restricted" ? l.state : "nobody",
      users: l.users.map((u) => ({ type: "user" as const, ...u })),
      groups: l.groups.map((g) => ({ type: "group" as const, ...g })),
      // A node with no row was never read (or is outside the sync): it fails closed.
      reason: l.state ? l.reason : (l.reason ?? "restrictions not read"),
    })),
  };
}

/**
 * Whether one app user may view a record, and which rule decided. The answer comes from the
 * `visibleTo` predicate itself; the explanation walks the rows `whoCanSee` returns.
 */
export async function canPersonSee(recordId: string, userId: string): Promise<PersonCheck> {
  const access = await whoCanSee(recordId);
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } })))
    throw AppError.validation([{ loc: ["query", "user"], msg: "No app user with that id.", type: "unknown_user" }]);
  const viewer: Viewer = { kind: "member", userId };
  const [answer] = await db().$queryRaw<
    { ok: boolean; account_id: string | null; active: boolean | null; licensed: boolean | null; group_ids: string[] | null; display_name: string | null }[]
  >`
    WITH ${viewerCte(viewer)}
    SELECT ${visibleTo(viewer, "i")} AS ok, v.account_id, v.active, v.licensed, v.group_ids, cu.display_name
    FROM content_items i
    LEFT JOIN permission_viewer v ON v.connector_id = i.connector_id
    LEFT JOIN confluence_users cu ON cu.connector_id = i.connector_id AND cu.account_id = v.account_id
    WHERE i.id = ${recordId}`;
  const visible = answer?.ok === true;
  const accountId = answer?.account_id ?? null;
  const linkedAccount = accountId ? { id: accountId, displayName: answer?.display_name ?? null } : null;
  const groups = new Set(answer?.group_ids ?? []);
  if (access.strategy === "audience") {
    const groups = await appGroupIdsOf(userId);
    const rule = visible ? (access.audience.find((r) => (r.principal.type === "user" ? r.principal.id === userId : groups.has(r.principal.id))) ?? null) : null;
    return {
      strategy: "audience",
      visible,
      linkedAccount: null,
      decidedBy: { reason: visible ? "audience_rule" : "no_audience_rule", node: null, detail: null, rule },
    };
  }
  const check = (reason: PersonCheckReason, node: { id: string; title: string | null } | null = null, detail: string | null = null): PersonCheck => ({
    strategy: "mirror",
    visible,
    linkedAccount,
    decidedBy: { reason, node, detail, rule: null },
  });
  if (visible) return check("visible");
  if (accountId && answer?.active === false) return check("account_deactivated");
  // Without a link a member is anonymous: only a space open to anonymous access can let them in.
  const granted = access.spaceGrants.some(
    (g) =>
      g.type === "anonymous" ||
      (accountId && ((g.type === "licensed" && answer?.licensed) || (g.type === "user" && g.id === accountId) || (g.type === "group" && groups.has(g.id)))),
  );
  if (!granted) return check(accountId ? "no_space_grant" : "not_linked");
  for (const layer of access.layers) {
    const node = { id: layer.nodeId, title: layer.title };
    if (layer.state === "nobody") return check("nobody", node, layer.reason ?? "restrictions could not be read");
    if (layer.state === "restricted" && !layer.users.some((u) => accountId && u.id === accountId) && !layer.groups.some((g) => groups.has(g.id)))
      return check("restricted", node);
  }
  // The predicate refused but no rule here did: say so rather than guess (the agreement test guards this).
  return check("refused");
}
