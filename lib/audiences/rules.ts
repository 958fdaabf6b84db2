import { db } from "../db";
import { AppError, type FieldProblem } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { moveFeedRecords } from "../feed";
import { ruleKey, type AccessStrategy, type AudienceRule, type ConnectorAccess } from "./schemas";

/** A connector's access strategy and its audience rules (kept when the strategy is "mirror", so switching back restores them). */
export async function readConnectorAccess(connectorId: string): Promise<ConnectorAccess> {
  const connector = await db().connector.findUnique({ where: { id: connectorId }, select: { accessStrategy: true } });
  if (!connector) throw new AppError("NOT_FOUND", "No connector with that id.");
  const rules = await db().audienceRule.findMany({
    where: { connectorId },
    orderBy: [{ spaceId: { sort: "asc", nulls: "first" } }, { principalType: "asc" }, { principalId: "asc" }],
    select: { spaceId: true, principalType: true, principalId: true },
  });
  return { strategy: connector.accessStrategy as AccessStrategy, rules: rules as AudienceRule[] };
}

/** Every rule must name a person or group that exists; problems point at the rule's principalId. */
async function assertPrincipalsExist(tx: Prisma.TransactionClient, rules: AudienceRule[]): Promise<void> {
  const ids = (type: AudienceRule["principalType"]) => [...new Set(rules.filter((r) => r.principalType === type).map((r) => r.principalId))];
  const users = new Set((await tx.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true } })).map((u) => u.id));
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const groupIds = ids("app_group").filter((id) => uuid.test(id));
  const groups = new Set((await tx.appGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true } })).map((g) => g.id));
  const problems: FieldProblem[] = [];
  rules.forEach((r, i) => {
    const known = r.principalType === "user" ? users.has(r.principalId) : groups.has(r.principalId);
    if (!known)
      problems.push({
        loc: ["body", "access", "rules", i, "principalId"],
        msg: r.principalType === "user" ? "There is no user with this id." : "There is no group with this id.",
        type: r.principalType === "user" ? "unknown_user" : "unknown_group",
      });
  });
  if (problems.length) throw AppError.validation(problems);
}

/**
 * Stores the strategy and replaces the rules, in the caller's transaction (the connector update).
 * When either changed, the connector's feed entries move in the same transaction, so a consumer
 * re-reads every record with its new audience. Answers whether anything changed.
 */
export async function saveConnectorAccess(tx: Prisma.TransactionClient, connectorId: string, access: ConnectorAccess): Promise<boolean> {
  const wanted = [...new Map(access.rules.map((r) => [ruleKey(r), r])).values()];
  await assertPrincipalsExist(tx, wanted);
  const before = await tx.connector.findUniqueOrThrow({ where: { id: connectorId }, select: { accessStrategy: true } });
  const stored = await tx.audienceRule.findMany({ where: { connectorId }, select: { spaceId: true, principalType: true, principalId: true } });
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  const changed = before.accessStrategy !== access.strategy || !same(stored.map((r) => ruleKey(r as AudienceRule)).sort(), wanted.map(ruleKey).sort());
  if (!changed) return false;
  await tx.connector.update({ where: { id: connectorId }, data: { accessStrategy: access.strategy } });
  await tx.audienceRule.deleteMany({ where: { connectorId } });
  if (wanted.length) await tx.audienceRule.createMany({ data: wanted.map((r) => ({ connectorId, ...r })) });
  await moveFeedRecords(tx, connectorId);
  return true;
}

/**
 * A person deleted from the app leaves no rule behind: the rules naming them go in the same
 * transaction, and the connectors they were on re-send their records (the feed named them).
 */
export async function forgetPersonInRules(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const removed = await tx.$queryRaw<{ connector_id: string }[]>`
    DELETE FROM audience_rules WHERE principal_type = 'user' AND principal_id = ${userId} RETURNING connector_id`;
  for (const connectorId of new Set(removed.map((r) => r.connector_id))) await moveFeedRecords(tx, connectorId);
}
