import { db } from "../db";

/** One audience rule that covers a record: on its space, or on the whole connector (spaceId null). */
export interface AudienceMatch {
  spaceId: string | null;
  principal: { type: "user" | "app_group"; id: string; name: string | null };
}

/**
 * The audience rules that cover a record of a connector with strategy "audience" (its space's
 * and the whole connector's), with the names of the people and groups they name.
 */
export async function audienceRulesFor(connectorId: string, spaceId: string | null): Promise<AudienceMatch[]> {
  const rows = await db().$queryRaw<{ space_id: string | null; principal_type: "user" | "app_group"; principal_id: string; name: string | null }[]>`
    SELECT r.space_id, r.principal_type, r.principal_id, COALESCE(u.name, g.name) AS name
    FROM audience_rules r
    LEFT JOIN users u ON r.principal_type = 'user' AND u.id = r.principal_id
    LEFT JOIN app_groups g ON r.principal_type = 'app_group' AND g.id::text = r.principal_id
    WHERE r.connector_id = ${connectorId} AND (r.space_id IS NULL OR r.space_id = ${spaceId ?? ""})
    ORDER BY r.space_id NULLS FIRST, CASE r.principal_type WHEN 'app_group' THEN 0 ELSE 1 END, name NULLS LAST, r.principal_id`;
  return rows.map((r) => ({ spaceId: r.space_id, principal: { type: r.principal_type, id: r.principal_id, name: r.name } }));
}

/** The app groups one person is in, by id. */
export async function appGroupIdsOf(userId: string): Promise<Set<string>> {
  const rows = await db().appGroupMember.findMany({ where: { userId }, select: { groupId: true } });
  return new Set(rows.map((r) => r.groupId));
}
