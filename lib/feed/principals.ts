import { z } from "zod";
import { findConnectorRow } from "../connectors";
import { db } from "../db";

export const ZPrincipalsQuery = z.object({
  connectorId: z.string({ error: "must be a connector id" }).trim().min(1, "must be a connector id").max(64, "must be a connector id"),
});

export interface FeedPrincipals {
  users: { accountId: string; displayName: string | null; email: string | null; accountType: string | null; active: boolean }[];
  groups: { id: string; name: string; members: string[] }[];
}

/**
 * The people and groups the feed's access lists name, for a consumer that enforces them: each
 * group with its members' account ids (the feed names groups by id only), and each person with
 * whether they are active (a deactivated or closed account sees nothing).
 */
export async function feedPrincipals(connectorId: string): Promise<FeedPrincipals> {
  await findConnectorRow(connectorId);
  const [users, groups, members] = await Promise.all([
    db().confluenceUser.findMany({
      where: { connectorId },
      orderBy: { accountId: "asc" },
      select: { accountId: true, displayName: true, email: true, accountType: true, accountStatus: true },
    }),
    db().confluenceGroup.findMany({ where: { connectorId }, orderBy: { groupId: "asc" }, select: { groupId: true, name: true } }),
    db().confluenceGroupMember.findMany({
      where: { connectorId },
      orderBy: [{ groupId: "asc" }, { accountId: "asc" }],
      select: { groupId: true, accountId: true },
    }),
  ]);
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.groupId, [...(membersOf.get(m.groupId) ?? []), m.accountId]);
  return {
    users: users.map((u) => ({
      accountId: u.accountId,
      displayName: u.displayName,
      email: u.email || null,
      accountType: u.accountType,
      active: u.accountStatus !== "inactive" && u.accountStatus !== "closed",
    })),
    groups: groups.map((g) => ({ id: g.groupId, name: g.name, members: membersOf.get(g.groupId) ?? [] })),
  };
}
