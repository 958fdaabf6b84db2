import { db } from "../db";
import { stripNul } from "../pg-text";
import type { Prisma } from "../generated/prisma/client";
import type { Checkpoint } from "./checkpoint";
import type { ItemType, TypeCounters } from "./counters";
import { UNKNOWN_ID, type ItemRecord, type StoredType } from "./map-items";
import { stepNameAt } from "./resume";
import { withClientStats } from "./request-stats";
import { saveItems } from "./save-items";
import type { Phase, StepContext } from "./step-context";

/** Another slice took the run over (this one was presumed dead); stop without writing. */
export class LeaseLostError extends Error {
  constructor() {
    super("another worker took over this sync run");
  }
}

export interface ItemFailure {
  /** Counted under this type: a bad label is a label failure, not a page failure. */
  itemType: ItemType;
  confluenceId: string;
  reason: string;
}

/**
 * Writes one page of work atomically: the records, the failures, the counters and the next
 * checkpoint. A worker killed before this commits redoes the page; after, it never repeats it.
 */
export async function commitPage(
  ctx: StepContext,
  work: {
    /** Omitted by the indexer beside the walk: the walk's phase and checkpoint stay as they are. */
    phase?: Phase;
    type?: StoredType;
    records?: ItemRecord[];
    failures?: ItemFailure[];
    next?: Checkpoint;
    /** Counter changes beyond fetched/unchanged/failed, which are counted here. */
    delta?: Partial<Record<ItemType, Partial<TypeCounters>>>;
    extra?: (tx: Prisma.TransactionClient) => Promise<void>;
    /** The indexer beside the walk: its commits wait for the walk's queued ones, which hold requests back. */
    background?: boolean;
  },
): Promise<void> {
  await ctx.commits.add(() => commitNow(ctx, work), { priority: work.background ? 0 : 1 });
}

async function commitNow(ctx: StepContext, work: Parameters<typeof commitPage>[1]): Promise<void> {
  const counters = structuredClone(ctx.counters);
  const next: Checkpoint | null = work.next
    ? { ...work.next, step: stepNameAt(ctx.stepNames, work.next.stepIndex), incomplete: incompleteAfter(work.next.incomplete, work.failures) }
    : null;
  const clientStats = ctx.client.stats();
  const quota = clientStats.lastRateLimit;
  const write = async (tx: Prisma.TransactionClient) => {
    const failures = [...(work.failures ?? [])];
    // Without `type`, a page may hold several types (Data Center lists footer and inline comments together).
    for (const [type, records] of byType(work.records ?? [], work.type)) {
      const saved = await saveItems(tx, ctx.connectorId, ctx.runId, records);
      counters[type].fetched += saved.fetched;
      counters[type].unchanged += saved.unchanged;
      failures.push(...saved.failures.map((f) => ({ itemType: type, ...f })));
    }
    if (failures.length) {
      await tx.syncItemError.createMany({ data: failures.map((f) => ({ runId: ctx.runId, ...f, reason: stripNul(f.reason) })) });
      for (const f of failures) counters[f.itemType].failed += 1;
      await keepStoredCopies(tx, ctx, failures);
    }
    // `extra` runs first: a step may fill in `delta` from what it did (reconciliation counts).
    await work.extra?.(tx);
    for (const [type, changes] of Object.entries(work.delta ?? {})) {
      for (const [key, amount] of Object.entries(changes ?? {})) {
        counters[type as ItemType][key as keyof TypeCounters] += amount ?? 0;
      }
    }
    await tx.syncRun.update({
      where: { id: ctx.runId, leaseOwner: ctx.leaseOwner },
      data: {
        ...(work.phase ? { phase: work.phase } : {}),
        ...(next ? { checkpoint: next as unknown as Prisma.InputJsonValue } : {}),
        counters: counters as unknown as Prisma.InputJsonValue,
        requestCount: ctx.requestBase + clientStats.requests,
        requestStats: withClientStats(ctx.requestStatsBase, clientStats) as unknown as Prisma.InputJsonValue,
        heartbeatAt: new Date(),
        transientFailures: 0,
        ...(quota ? { rateLimit: { ...quota, resetAt: quota.resetAt?.toISOString() } } : {}),
      },
    });
  };
  try {
    await db().$transaction(write, { timeout: 60_000, maxWait: 30_000 });
  } catch (err) {
    // The run row no longer names this slice as its holder.
    if ((err as { code?: string }).code === "P2025") throw new LeaseLostError();
    throw err;
  }
  ctx.counters = counters;
  if (next) ctx.checkpoint = next;
}

function byType(records: ItemRecord[], type: StoredType | undefined): Map<StoredType, ItemRecord[]> {
  const groups = new Map<StoredType, ItemRecord[]>();
  for (const r of records) {
    const key = type ?? r.type;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** Types with a failure whose id is unknown: their listing missed an item nobody can name. */
function incompleteAfter(before: string[], failures: ItemFailure[] = []): string[] {
  const types = new Set(before);
  for (const f of failures) if (f.confluenceId === UNKNOWN_ID) types.add(f.itemType);
  return [...types];
}

/**
 * A failed item keeps what was stored before: it counts as seen by this run, so reconciliation
 * does not take a good record away because one response for it was malformed.
 */
async function keepStoredCopies(tx: Prisma.TransactionClient, ctx: StepContext, failures: ItemFailure[]): Promise<void> {
  const ids = (types: ItemType[]) => failures.filter((f) => types.includes(f.itemType) && f.confluenceId !== UNKNOWN_ID).map((f) => f.confluenceId);
  const items = ids(["folder", "page", "blogpost", "footer_comment", "inline_comment", "attachment"]);
  const spaces = ids(["space"]);
  const seen = { lastSeenRunId: ctx.runId };
  if (items.length) await tx.contentItem.updateMany({ where: { connectorId: ctx.connectorId, confluenceId: { in: items } }, data: seen });
  if (spaces.length) await tx.confluenceSpace.updateMany({ where: { connectorId: ctx.connectorId, confluenceId: { in: spaces } }, data: seen });
}
