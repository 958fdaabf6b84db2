import { db } from "../db";
import type { Viewer } from "./visible-to";

/** The viewer a signed-in person (session or API key) searches as. */
export function viewerOf(user: { id: string; role: string }): Viewer {
  return user.role === "admin" ? { kind: "admin" } : { kind: "member", userId: user.id };
}

export interface MemberAccessSummary {
  /** Connectors where the person is linked to an active Confluence account, and how. */
  linked: { connectorId: string; connectorName: string; accountId: string; displayName: string | null; method: "email" | string }[];
  /** Connectors where they are not linked: they see nothing from those. */
  unlinked: { connectorId: string; connectorName: string }[];
}

/**
 * What a member's searches are limited to, for the message on Search and All Records. Mirrors
 * the link resolution of `visibleTo` (explicit link, else a visible email equal to theirs).
 */
export async function memberAccessSummary(userId: string): Promise<MemberAccessSummary> {
  const rows = await db().$queryRaw<
    { connector_id: string; connector_name: string; account_id: string | null; display_name: string | null; method: string | null }[]
  >`
    SELECT c.id AS connector_id, c.name AS connector_name, a.account_id, a.display_name, a.method
    FROM connectors c
    LEFT JOIN LATERAL (
      SELECT x.account_id, cu.display_name, x.method FROM (
        SELECT l.account_id, l.method, 0 AS rank FROM confluence_account_links l WHERE l.user_id = ${userId} AND l.connector_id = c.id
        UNION ALL
        SELECT e.account_id, 'email', 1 FROM confluence_users e JOIN users u ON u.id = ${userId}
        WHERE e.connector_id = c.id AND e.email IS NOT NULL AND e.email <> '' AND lower(e.email) = lower(u.email)
        ORDER BY rank, account_id LIMIT 1
      ) x LEFT JOIN confluence_users cu ON cu.connector_id = c.id AND cu.account_id = x.account_id
      WHERE cu.account_status IS NULL OR cu.account_status NOT IN ('inactive', 'closed')
    ) a ON TRUE
    ORDER BY c.name, c.id`;
  const summary: MemberAccessSummary = { linked: [], unlinked: [] };
  for (const r of rows) {
    if (r.account_id)
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
