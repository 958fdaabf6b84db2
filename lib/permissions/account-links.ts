import { z } from "zod";
import { findConnectorRow } from "../connectors";
import { db } from "../db";
import { AppError } from "../errors";

/** An administrator's choice of Confluence account for a person (the picker on Settings → Users). */
export const ZLinkAccountInput = z.object({
  accountId: z.string().trim().min(1, "Choose a Confluence user.").max(128, "An account id is at most 128 characters."),
});
export type LinkAccountInput = z.infer<typeof ZLinkAccountInput>;

export const ZConfluenceUserQuery = z.object({
  q: z.string().trim().max(200, "Search at most 200 characters.").default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface ConfluenceUserOption {
  accountId: string;
  displayName: string | null;
  email: string | null;
  accountStatus: string | null;
}

/** Synced Confluence users of one connector whose name, visible email or account id contains `q`. */
export async function findConfluenceUsers(connectorId: string, query: z.infer<typeof ZConfluenceUserQuery>): Promise<ConfluenceUserOption[]> {
  await findConnectorRow(connectorId);
  const like = "%" + query.q.replace(/[\\%_]/g, "\\$&") + "%";
  return db().$queryRaw<ConfluenceUserOption[]>`
    SELECT account_id AS "accountId", display_name AS "displayName", email, account_status AS "accountStatus"
    FROM confluence_users
    WHERE connector_id = ${connectorId}
      AND (${query.q} = '' OR display_name ILIKE ${like} OR email ILIKE ${like} OR account_id ILIKE ${like})
    ORDER BY display_name NULLS LAST, account_id
    LIMIT ${query.limit}`;
}

/**
 * Links a person to a synced Confluence account of a connector, replacing an earlier link. The
 * account must be one the connector has synced: a typo must not silently grant anonymous view.
 */
export async function linkAccount(userId: string, connectorId: string, input: LinkAccountInput): Promise<void> {
  await findConnectorRow(connectorId);
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such user.");
  const account = await db().confluenceUser.findUnique({ where: { connectorId_accountId: { connectorId, accountId: input.accountId } } });
  if (!account)
    throw AppError.validation([
      {
        loc: ["body", "accountId"],
        msg: "This connector has not synced a Confluence user with that account id. Run a sync, then choose from the list.",
        type: "unknown_account",
      },
    ]);
  await db().confluenceAccountLink.upsert({
    where: { userId_connectorId: { userId, connectorId } },
    create: { userId, connectorId, accountId: input.accountId, method: "admin" },
    update: { accountId: input.accountId, method: "admin" },
  });
}

/** Removes an explicit link; a visible email equal to the person's sign-in email still links them. */
export async function unlinkAccount(userId: string, connectorId: string): Promise<void> {
  await db().confluenceAccountLink.deleteMany({ where: { userId, connectorId } });
}
