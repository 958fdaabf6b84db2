import type { Prisma } from "../generated/prisma/client";

/**
 * Gives every record of a connector a new feed position, in the caller's transaction: its
 * access changed (strategy, rules, or a group named by a rule), so a consumer must read it again
 * (docs/decisions/013, 014). Deletions stay where they are.
 */
export async function moveConnectorFeed(tx: Prisma.TransactionClient, connectorId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE feed_entries SET xid = pg_current_xact_id(), seq = nextval('feed_seq'), changed_at = now()
    WHERE connector_id = ${connectorId} AND op = 'upsert'`;
}
