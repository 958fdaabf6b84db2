import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "./visible-to";

/** The viewer a signed-in person (session or API key) searches as. */
export function viewerOf(user: { id: string; role: string }): Viewer {
  return user.role === "admin" ? { kind: "admin" } : { kind: "member", userId: user.id };
}

/**
 * The viewer of a request that may carry `viewAs`: an administrator checking what another person
 * would see searches exactly as that person (their linked accounts, or anonymous where unlinked).
 */
export async function viewerFor(user: { id: string; role: string }, viewAs: string | undefined): Promise<Viewer> {
  if (!viewAs) return viewerOf(user);
  if (user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can view as someone else.");
  if (!(await db().user.findUnique({ where: { id: viewAs }, select: { id: true } })))
    throw AppError.validation([{ loc: ["query", "viewAs"], msg: "There is no user with this id to view as.", type: "unknown_user" }]);
  return { kind: "member", userId: viewAs };
}

export interface AccessContext {
  /** What the person whose view is shown is limited to; null for an administrator's own view. */
  summary: MemberAccessSummary | null;
  /** The person an administrator is viewing as (found with the picker, which searches people). */
  viewingAs: { id: string; name: string; email: string } | null;
}

/** What Search and All Records show above the results: the member's limits, or the admin's View as. */
export async function accessContext(user: { id: string; role: string }, viewAs: string | undefined): Promise<AccessContext> {
  if (user.role !== "admin") return { summary: await memberAccessSummary(user.id), viewingAs: null };
  const viewingAs = viewAs && viewAs !== user.id ? await db().user.findUnique({ where: { id: viewAs }, select: { id: true, name: true, email: true } }) : null;
  return { summary: viewingAs ? await memberAccessSummary(viewingAs.id) : null, viewingAs };
}

export interface MemberAccessSummary {
  /** Connectors where the person is linked to an active Confluence account, and how. */
  linked: { connectorId: string; connectorName: string; accountId: string; displayName: string | null; method: "email" | string }[];
  /** Connectors where they are not linked: they see what anonymous access may see there. */
  unlinked: { connectorId: string; connectorName: string }[];
  /** Connectors where their linked account is deactivated or closed: they see nothing there. */
  deactivated: { connectorId: string; connectorName: string; accountId: string }[];
  /** Connectors with audience rules: no Confluence account plays a part; the rules decide. */
  audience: { connectorId: string; connectorName: string }[];
}

/**
 * What a member's searches are limited to, for the message on Search and All Records. Mirrors
 * the link resolution of `visibleTo` (explicit link, else a visible email equal to theirs).
 */
export async function memberAccessSummary(userId: string): Promise<MemberAccessSummary> {
  const rows = await db().$queryRaw<
    {
      connector_id: string;
      connector_name: string;
      strategy: string;
      account_id: string | null;
      display_name: string | null;
      method: string | null;
      inactive: boolean | null;
    }[]
  >`
    SELECT c.id AS connector_id, c.name AS connector_name, c.access_strategy AS strategy, a.account_id, a.display_name, a.method, a.inactive
    FROM connectors c
    LEFT JOIN LATERAL (
      SELECT x.account_id, cu.display_name, x.method, COALESCE(cu.account_status IN ('inactive', 'closed'), FALSE) AS inactive FROM (
        SELECT l.account_id, l.method, 0 AS rank FROM confluence_account_links l WHERE l.user_id = ${userId} AND l.connector_id = c.id
        UNION ALL
        SELECT e.account_id, 'email', 1 FROM confluence_users e JOIN users u ON u.id = ${userId}
        WHERE e.connector_id = c.id AND e.email IS NOT NULL AND e.email <> '' AND lower(e.email) = lower(u.email)
        ORDER BY rank, account_id LIMIT 1
      ) x LEFT JOIN confluence_users cu ON cu.connector_id = c.id AND cu.account_id = x.account_id
    ) a ON TRUE
    ORDER BY c.name, c.id`;
  const summary: MemberAccessSummary = { linked: [], unlinked: [], deactivated: [], audience: [] };
  for (const r of rows) {
    if (r.strategy === "audience") summary.audience.push({ connectorId: r.connector_id, connectorName: r.connector_name });
    else if (r.account_id && r.inactive) summary.deactivated.push({ connectorId: r.connector_id, connectorName: r.connector_name, accountId: r.account_id });
    else if (r.account_id)
      summary.linked.push({
        connectorId: r.connector_id,
        connectorName: r.connector_name,
        accountId: r.account_id,
        displayName: r.display_name,
        method: r.method ?? "email",
      });
    else summary.unlinked.push({ connectorId: r.connector_id, connectorName: r.connector_name });
  }
  return summary;
}
