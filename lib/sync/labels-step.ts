import { z } from "zod";
import { NotFoundError } from "../confluence";
import { db } from "../db";
import { nextStep } from "./advance";
import { stepState } from "./checkpoint";
import { commitPage, type ItemFailure } from "./commit-page";
import { fetchOnePage } from "./fetch-one-page";
import type { StepContext, SyncStep } from "./step-context";

/** The step's walk, kept in the checkpoint's step state. */
const ZLabelWalk = z.object({
  /** Item types updated by walking each label's content list, fixed when the step starts. */
  types: z.array(z.enum(["page", "blogpost"])),
  /** Item types with fewer stored items than the site has labels: asked per item, after the label walk. */
  itemTypes: z.array(z.enum(["page", "blogpost"])).default([]),
  /** The per-item walk: the last item done (ids in string order) within `itemTypes[typeIndex]`. */
  afterId: z.string().nullable().default(null),
  /** Labels of the last `/labels` page not yet walked; the head is in progress (`cursor` is the next `/labels` page). */
  queue: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Index into `types` (or `itemTypes`) of the list being walked, and that list's cursor. */
  typeIndex: z.number().int().min(0),
  itemCursor: z.string().nullable(),
});
type LabelWalk = z.infer<typeof ZLabelWalk>;
type LabelledType = LabelWalk["types"][number];

const idOf = (raw: unknown) => String((raw as { id?: unknown })?.id ?? "unknown");
const ZLabel = z.object({ id: z.string(), name: z.string().min(1) });
const ZLabelled = z.object({ id: z.string() });
const LIST_PATH: Record<LabelledType, (labelId: string) => string> = {
  page: (id) => `/wiki/api/v2/labels/${id}/pages`,
  blogpost: (id) => `/wiki/api/v2/labels/${id}/blogposts`,
};

/** Valid labels of a `/labels` page; a malformed one is recorded and skipped, never fatal. */
function parseLabels(results: unknown[], failures: ItemFailure[]) {
  const labels: LabelWalk["queue"] = [];
  for (const raw of results) {
    const parsed = ZLabel.safeParse(raw);
    if (parsed.success) labels.push({ id: parsed.data.id, name: parsed.data.name });
    else failures.push({ itemType: "label", confluenceId: idOf(raw), reason: `unexpected label shape: ${parsed.error.issues[0]?.message}` });
  }
  return labels;
}

/** The walk after one list page of the head label: its next page, its next type, or the next label. */
function afterItems(walk: LabelWalk, nextCursor: string | null): LabelWalk {
  if (nextCursor) return { ...walk, itemCursor: nextCursor };
  if (walk.typeIndex + 1 < walk.types.length) return { ...walk, typeIndex: walk.typeIndex + 1, itemCursor: null };
  return { ...walk, queue: walk.queue.slice(1), typeIndex: 0, itemCursor: null };
}

const LABELS_OF: Record<LabelledType, (itemId: string) => string> = {
  page: (id) => `/wiki/api/v2/pages/${id}/labels`,
  blogpost: (id) => `/wiki/api/v2/blogposts/${id}/labels`,
};

/**
 * Sets the labels of stored pages and blog posts to exactly the site's, on full and incremental
 * runs alike (adding or removing a label does not bump a page's version, so the content lists
 * cannot tell). The step's first commit clears the labels of the connector's pages and blog
 * posts together with the first `/labels` page; each later commit adds the labels learnt from one
 * list page, in the same transaction as the nested checkpoint, so a run killed anywhere resumes
 * without losing or repeating a label.
 *
 * Cost: `/labels` itself (ceil(L/250)), then per item type the cheaper of two walks: each label's
 * `/labels/{id}/pages|blogposts` (L requests) or, when the connector stores fewer items of that
 * type than the site has labels, each item's `/pages|blogposts/{id}/labels` (n requests). So a run
 * costs about 1 + min(L, pages) + min(L, blog posts), and nothing when no content is stored.
 * The label walk only touches rows that exist, so the connector's filters hold without checks here.
 */
export const labelsStep: SyncStep = {
  name: "labels",
  phase: "fetching_content",
  async runOnce(ctx) {
    const cp = ctx.checkpoint;
    const walk = stepState(cp, ZLabelWalk);
    if (walk === null) return start(ctx);
    if (walk.queue.length) return walkLabel(ctx, walk);
    if (cp.cursor) return nextLabelsPage(ctx, walk);
    if (walk.typeIndex < walk.itemTypes.length) return walkItem(ctx, walk);
    return commitPage(ctx, { phase: "fetching_content", next: nextStep(cp) });
  },
};

const where = (ctx: StepContext, types: LabelledType[]) => ({ connectorId: ctx.connectorId, type: { in: types } });

/** Clears stored labels and picks each type's walk; counted now, after the content steps, so the sets are final. */
async function start(ctx: StepContext) {
  const cp = ctx.checkpoint;
  const failures: ItemFailure[] = [];
  const stored = {
    page: await db().contentItem.count({ where: where(ctx, ["page"]) }),
    blogpost: await db().contentItem.count({ where: where(ctx, ["blogpost"]) }),
  };
  const page = stored.page + stored.blogpost ? await fetchOnePage(ctx.client, "/wiki/api/v2/labels", { limit: 250 }, null) : { results: [], nextCursor: null };
  const queue = parseLabels(page.results, failures);
  // More than one `/labels` page means at least 251 labels: enough to prefer asking per item below that.
  const labelsAtLeast = queue.length + (page.nextCursor ? 1 : 0);
  const present = (["page", "blogpost"] as const).filter((t) => stored[t] > 0 && labelsAtLeast > 0);
  const types = present.filter((t) => stored[t] >= labelsAtLeast);
  const itemTypes = present.filter((t) => stored[t] < labelsAtLeast);
  const walk: LabelWalk = { types, itemTypes, afterId: null, queue: types.length ? queue : [], typeIndex: 0, itemCursor: null };
  const cursor = types.length ? page.nextCursor : null;
  await commitPage(ctx, {
    phase: "fetching_content",
    failures,
    next: walk.queue.length || cursor || itemTypes.length ? { ...cp, cursor, state: walk } : nextStep(cp),
    delta: { label: { discovered: queue.length } },
    extra: async (tx) => {
      await tx.contentItem.updateMany({ where: { ...where(ctx, ["page", "blogpost"]), NOT: { labels: { isEmpty: true } } }, data: { labels: { set: [] } } });
    },
  });
}

async function nextLabelsPage(ctx: StepContext, walk: LabelWalk) {
  const failures: ItemFailure[] = [];
  const page = await fetchOnePage(ctx.client, "/wiki/api/v2/labels", { limit: 250 }, ctx.checkpoint.cursor);
  const queue = parseLabels(page.results, failures);
  await commitPage(ctx, {
    phase: "fetching_content",
    failures,
    next: { ...ctx.checkpoint, cursor: page.nextCursor, state: { ...walk, queue, typeIndex: 0, itemCursor: null } },
    delta: { label: { discovered: queue.length } },
  });
}

/** One page of the head label's pages or blog posts: add the label to those we store. */
async function walkLabel(ctx: StepContext, walk: LabelWalk) {
  const head = walk.queue[0]!;
  const type = walk.types[walk.typeIndex]!;
  let page;
  try {
    page = await fetchOnePage(ctx.client, LIST_PATH[type](head.id), { limit: 250 }, walk.itemCursor);
  } catch (err) {
    // A label deleted since it was listed has no content left: move on to the next label.
    if (!(err instanceof NotFoundError)) throw err;
    return commitPage(ctx, {
      phase: "fetching_content",
      next: { ...ctx.checkpoint, state: { ...walk, queue: walk.queue.slice(1), typeIndex: 0, itemCursor: null } },
    });
  }
  const failures: ItemFailure[] = [];
  const ids: string[] = [];
  for (const raw of page.results) {
    const parsed = ZLabelled.safeParse(raw);
    if (parsed.success) ids.push(parsed.data.id);
    // The item itself synced; only this label's assignment failed, so it counts as a label failure.
    else failures.push({ itemType: "label", confluenceId: idOf(raw), reason: `unexpected shape in label ${head.name}: ${parsed.error.issues[0]?.message}` });
  }
  await commitPage(ctx, {
    phase: "fetching_content",
    failures,
    next: { ...ctx.checkpoint, state: afterItems(walk, page.nextCursor) },
    extra: ids.length
      ? async (tx) => {
          // `has` keeps the push idempotent should an item show up twice (edits between pages).
          await tx.contentItem.updateMany({
            where: { ...where(ctx, [type]), confluenceId: { in: ids }, NOT: { labels: { has: head.name } } },
            data: { labels: { push: head.name } },
          });
        }
      : undefined,
  });
}

/** One page of labels of the next stored item of a per-item type (ids in string order, after `afterId`). */
async function walkItem(ctx: StepContext, walk: LabelWalk) {
  const type = walk.itemTypes[walk.typeIndex]!;
  const item = await db().contentItem.findFirst({
    where: { ...where(ctx, [type]), ...(walk.afterId === null ? {} : { confluenceId: { gt: walk.afterId } }) },
    orderBy: { confluenceId: "asc" },
    select: { id: true, confluenceId: true },
  });
  if (!item)
    return commitPage(ctx, {
      phase: "fetching_content",
      next: { ...ctx.checkpoint, state: { ...walk, typeIndex: walk.typeIndex + 1, afterId: null, itemCursor: null } },
    });
  const itemDone = { ...ctx.checkpoint, state: { ...walk, afterId: item.confluenceId, itemCursor: null } };
  let page;
  try {
    page = await fetchOnePage(ctx.client, LABELS_OF[type](item.confluenceId), { limit: 250 }, walk.itemCursor);
  } catch (err) {
    // Gone since this run listed it: the next reconciliation removes it; it has no labels to keep.
    if (!(err instanceof NotFoundError)) throw err;
    return commitPage(ctx, { phase: "fetching_content", next: itemDone });
  }
  const failures: ItemFailure[] = [];
  const names = parseLabels(page.results, failures).map((l) => l.name);
  await commitPage(ctx, {
    phase: "fetching_content",
    failures,
    // Past 250 labels on one item, stay on it (afterId unchanged) for the next page.
    next: page.nextCursor ? { ...ctx.checkpoint, state: { ...walk, itemCursor: page.nextCursor } } : itemDone,
    extra: names.length
      ? async (tx) => {
          const row = await tx.contentItem.findUnique({ where: { id: item.id }, select: { labels: true } });
          if (row) await tx.contentItem.update({ where: { id: item.id }, data: { labels: { set: [...new Set([...row.labels, ...names])] } } });
        }
      : undefined,
  });
}
