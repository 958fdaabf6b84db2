import { db } from "../db";
import type { ItemFailure } from "./commit-page";
import { fetchOnePage } from "./fetch-one-page";
import type { ItemRecord, Mapped } from "./map-items";
import type { StepContext } from "./step-context";

/**
 * The second pass of a filtered listing: storage bodies by id (`?id=` takes 250, a list page's
 * worth), for the kept items only, and only those whose stored body is missing or of another
 * version. Items listed without a body and not refetched keep their stored body (save-items.ts).
 * An item gone between the passes is dropped; the next full run settles it.
 */
export async function withBodies(
  ctx: StepContext,
  path: string,
  records: ItemRecord[],
  map: (raw: unknown, siteUrl: string) => Mapped<ItemRecord>,
): Promise<{ records: ItemRecord[]; failures: ItemFailure[] }> {
  if (records.length === 0) return { records, failures: [] };
  const stored = await db().contentItem.findMany({
    where: { connectorId: ctx.connectorId, confluenceId: { in: records.map((r) => r.confluenceId) }, NOT: { bodyStorageGz: null } },
    select: { confluenceId: true, version: true },
  });
  const storedVersion = new Map(stored.map((s) => [s.confluenceId, s.version]));
  const need = new Set(records.filter((r) => storedVersion.get(r.confluenceId) !== r.version).map((r) => r.confluenceId));
  if (need.size === 0) return { records, failures: [] };
  const statuses = [...new Set(records.filter((r) => need.has(r.confluenceId)).map((r) => r.status))];
  const page = await fetchOnePage(ctx.client, path, { id: [...need], "body-format": "storage", status: statuses, limit: 250 }, null);
  const failures: ItemFailure[] = [];
  const fetched = new Map<string, ItemRecord>();
  for (const raw of page.results) {
    const mapped = map(raw, ctx.siteUrl);
    if (!mapped.ok) failures.push({ itemType: records[0]!.type, confluenceId: mapped.id, reason: mapped.reason });
    else fetched.set(mapped.value.confluenceId, mapped.value);
  }
  const out = records.flatMap((r) =>
    !need.has(r.confluenceId) ? [r] : fetched.has(r.confluenceId) ? [{ ...fetched.get(r.confluenceId)!, ancestorIds: r.ancestorIds }] : [],
  );
  return { records: out, failures };
}
