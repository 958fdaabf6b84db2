import { Prisma } from "../generated/prisma/client";

/** Gives a feed entry the position of the transaction doing the move (docs/decisions/013). */
export const MOVE_TO_NOW = Prisma.sql`xid = pg_current_xact_id(), seq = nextval('feed_seq'), changed_at = now()`;

/**
 * Moves a connector's records (or one space's) to a new feed position in the caller's
 * transaction, because who may see them changed, so a consumer reads them again. Deletions stay.
 */
export async function moveFeedRecords(tx: Prisma.TransactionClient, connectorId: string, spaceId?: string): Promise<void> {
  if (spaceId === undefined) {
    await tx.$executeRaw`UPDATE feed_entries SET ${MOVE_TO_NOW} WHERE connector_id = ${connectorId} AND op = 'upsert'`;
    return;
  }
  await tx.$executeRaw`
    UPDATE feed_entries f SET ${MOVE_TO_NOW}
    FROM content_items c
    WHERE f.connector_id = c.connector_id AND f.confluence_id = c.confluence_id AND f.op = 'upsert'
      AND c.connector_id = ${connectorId} AND c.space_confluence_id = ${spaceId}`;
}
