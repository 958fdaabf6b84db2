import { db } from "../../db";
import { cqlString } from "../cql";

/** `space in ("A","B")` for the spaces' stored keys; null when none is stored. */
export async function dcSpaceKeys(connectorId: string, spaceIds: string[]): Promise<string[]> {
  const spaces = await db().confluenceSpace.findMany({
    where: { connectorId, confluenceId: { in: spaceIds } },
    select: { key: true },
    orderBy: { key: "asc" },
  });
  return spaces.map((s) => s.key);
}

export const spaceInClause = (keys: string[]) => `space in (${keys.map(cqlString).join(",")})`;

/** Minutes of overlap: an item saved in the minute the last run began, and the search index's lag. */
const OVERLAP_MINUTES = 10;

/**
 * `lastmodified >= "yyyy-MM-dd HH:mm"` for `since`, written in the server's time zone, as Data
 * Center reads a CQL date (its relative `now("-Nm")` needs no zone, but is computed on the
 * server's clock at the time of each page, so a long walk would drift). Without a zone the
 * window widens by the largest offset there is (14 hours) rather than miss an edit.
 */
export function modifiedSinceDc(since: string, timeZone: string | null): string {
  const widen = timeZone ? 0 : 14 * 60;
  const at = new Date(Date.parse(since) - (OVERLAP_MINUTES + widen) * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: timeZone ?? "UTC",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `lastmodified >= "${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}"`;
}
