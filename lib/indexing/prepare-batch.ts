import { stripNul } from "../pg-text";
import type { ConnectorConfig } from "../connectors/config-schema";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { beginFileAttempts, CRASH_LIMIT, CRASHED_TWICE_REASON, endFileAttempts, readStoredFile } from "../files";
import { extractAttachmentText } from "./extract";
import { chunkDocument, renderDocument, storageToMarkdown, type Chunk } from "./markdown";
import { breadcrumbOf, loadBatchContext, storageOf, type BatchContext, type BatchItem } from "./batch-context";
import { containerIdOf, detectSearchConfig } from "../content";
import { indexingToggleOf } from "./toggles";
import { accountIdsOf, userNames, type FetchUsers } from "./users";

/** One item after conversion, ready to be written by `writeIndexBatch` (or marked failed/skipped). */
export interface PreparedItem {
  id: string;
  confluenceId: string;
  type: string;
  /** The row's `updatedAt` when read: the write is skipped if the item changed meanwhile. */
  updatedAt: Date;
  outcome: "indexed" | "failed" | "skipped";
  reason: string | null;
  markdown: string | null;
  language: string;
  title: string;
  chunks: Chunk[];
  breadcrumb: string[];
  /** Comments and attachments take their container's space. */
  spaceConfluenceId: string | null;
}

export interface BatchOptions {
  connectorId: string;
  siteUrl: string;
  /** A Data Center base URL: links point under it instead of `<site>/wiki`. */
  wikiUrl?: string;
  config: ConnectorConfig;
  documentLimit?: number;
  attachmentLimit?: number;
  /**
   * Beside a run still downloading: only attachments whose file is settled (stored, or refused
   * with its reason), so none is converted before its file comes and again after. The index
   * step takes them all, as they are (a failed download is indexed without its text).
   */
  settledFilesOnly?: boolean;
  /** Looks up users not yet stored (sync runs only; Rebuild index never calls Confluence). */
  fetchUsers?: FetchUsers;
}

const itemSelect = {
  id: true,
  confluenceId: true,
  type: true,
  title: true,
  spaceConfluenceId: true,
  parentId: true,
  parentType: true,
  ancestorIds: true,
  extra: true,
  bodyStorageGz: true,
  updatedAt: true,
  version: true,
  createdAt: true,
  modifiedAt: true,
  webUrl: true,
  labels: true,
  authorId: true,
  mediaType: true,
} as const;

/** Where the attachment's file is (lib/files); never the bytes themselves. */
const fileSelect = { fileSetId: true, fileBytes: true, fileStatus: true, fileReason: true } as const;
type FileFields = { fileSetId: string | null; fileBytes: number | null; fileStatus: string | null; fileReason: string | null };

/** The rows of `ids`, in id order, with `select`'s fields. */
async function byIds<S extends Prisma.ContentItemSelect>(ids: { id: string }[], select: S) {
  if (ids.length === 0) return [];
  return db().contentItem.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select, orderBy: { id: "asc" } });
}

/**
 * Reads a bounded batch of items waiting for the index and converts them: storage bodies to
 * Markdown, attachment files to text, both to heading-bounded chunks. Nothing is written here;
 * a conversion failure is an outcome of its item, never an exception for the batch.
 */
export async function prepareIndexBatch(options: BatchOptions): Promise<{ items: PreparedItem[]; more: boolean }> {
  const { connectorId, config } = options;
  const documentLimit = options.documentLimit ?? 50;
  const attachmentLimit = options.attachmentLimit ?? 4;
  const selected = config.indexing.manualIndexing ? Prisma.sql`AND index_selected` : Prisma.empty;
  const settled = options.settledFilesOnly ? Prisma.sql`AND (file_set_id IS NOT NULL OR file_status IS NOT NULL)` : Prisma.empty;
  // Ids first, by the partial indexes of pending rows (migration 20261204200000): each predicate
  // is written out as the index states it, so PostgreSQL can use it.
  const documentIds = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM content_items WHERE connector_id = ${connectorId} AND index_status = 'pending' AND type <> 'attachment' ${selected}
    ORDER BY id LIMIT ${documentLimit}`;
  const documents = await byIds(documentIds, itemSelect);
  // An attachment limit of 0 converts documents only (files still listing or downloading).
  const attachmentIds =
    documents.length < documentLimit && attachmentLimit > 0
      ? await db().$queryRaw<{ id: string }[]>`
          SELECT id FROM content_items WHERE connector_id = ${connectorId} AND index_status = 'pending' AND type = 'attachment' ${settled} ${selected}
          ORDER BY id LIMIT ${attachmentLimit}`
      : [];
  const attachments = await byIds(attachmentIds, { ...itemSelect, ...fileSelect });
  const batch = [...documents, ...attachments];
  const bodies = new Map(documents.map((d) => [d.id, storageOf(d)]));
  const ctx = { ...(await loadBatchContext(connectorId, options.siteUrl, batch, bodies)), wikiUrl: options.wikiUrl };
  ctx.userNames = await userNames(
    connectorId,
    accountIdsOf(
      batch.map((b) => b.authorId),
      bodies.values(),
    ),
    options.fetchUsers,
  );

  const items: PreparedItem[] = [];
  for (const item of documents) {
    items.push(prepareDocument(item, bodies.get(item.id) ?? "", ctx, config));
    // Conversion is synchronous: beside the walk, a batch in one go held every download's and
    // restriction read's response back for its whole length (downloads took twice as long).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // One at a time: each file is read from the database only when its extraction starts.
  for (const item of attachments) items.push(await prepareAttachment(item, ctx, config));
  return { items, more: documents.length === documentLimit || (attachmentLimit > 0 && attachments.length === attachmentLimit) };
}

type Row = BatchItem & {
  authorId: string | null;
  updatedAt: Date;
  version: number;
  createdAt: Date | null;
  modifiedAt: Date | null;
  webUrl: string | null;
  labels: string[];
  mediaType: string | null;
};

function base(item: Row, ctx: BatchContext): PreparedItem {
  const container = containerIdOf(item);
  return {
    id: item.id,
    confluenceId: item.confluenceId,
    type: item.type,
    updatedAt: item.updatedAt,
    outcome: "skipped",
    reason: null,
    markdown: null,
    language: "simple",
    title: item.title,
    chunks: [],
    breadcrumb: breadcrumbOf(item, ctx),
    spaceConfluenceId: container ? (ctx.items.get(container)?.spaceConfluenceId ?? item.spaceConfluenceId) : item.spaceConfluenceId,
  };
}

function finish(prepared: PreparedItem, item: Row, ctx: BatchContext, rawTitle: string, rawBody: string): PreparedItem {
  // Stored bodies from before NUL was stripped at the edge, and text extracted from files
  // (a UTF-16 file, a PDF string) can hold U+0000, which PostgreSQL refuses in text.
  const title = stripNul(rawTitle);
  const body = stripNul(rawBody);
  const breadcrumb = prepared.breadcrumb.map(stripNul);
  const space = prepared.spaceConfluenceId ? ctx.spaces.get(prepared.spaceConfluenceId) : undefined;
  const markdown = renderDocument(
    {
      title,
      webUrl: item.webUrl,
      spaceKey: space?.key,
      type: item.type,
      version: item.version,
      createdAt: item.createdAt,
      modifiedAt: item.modifiedAt,
      author: item.authorId ? (ctx.userNames.get(item.authorId) ?? item.authorId) : null,
      labels: item.labels,
      breadcrumb,
    },
    body,
  );
  const chunks = chunkDocument({ title, breadcrumb, markdown });
  return { ...prepared, outcome: "indexed", markdown, title, chunks, language: detectSearchConfig(`${title}\n${body}`) };
}

function prepareDocument(item: Row, storage: string, ctx: BatchContext, config: ConnectorConfig): PreparedItem {
  const prepared = base(item, ctx);
  const off = indexingToggleOf(item, config);
  if (off) return { ...prepared, reason: off };
  try {
    const container = containerIdOf(item);
    const spaceKey = prepared.spaceConfluenceId ? ctx.spaces.get(prepared.spaceConfluenceId)?.key : undefined;
    const body = storageToMarkdown(storage, {
      siteUrl: ctx.siteUrl,
      wikiUrl: ctx.wikiUrl,
      spaceKey,
      contentId: container ?? item.confluenceId,
      pageLink: (ref) => ctx.linkTargets.get(`${ref.spaceKey}\u0000${ref.title}`),
      userName: (accountId) => ctx.userNames.get(accountId),
    });
    if (!container) return finish(prepared, item, ctx, item.title, body);
    const anchor = ((item.extra ?? {}) as { anchorText?: string | null }).anchorText;
    const on = ctx.items.get(container)?.title ?? `item ${container}`;
    const quoted = anchor ? `> ${anchor.replace(/\n/g, "\n> ")}\n\n` : "";
    return finish(prepared, item, ctx, `Comment on ${on}`, quoted + body);
  } catch (err) {
    return { ...prepared, outcome: "failed", reason: `conversion failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function prepareAttachment(item: Row & FileFields, ctx: BatchContext, config: ConnectorConfig): Promise<PreparedItem> {
  const prepared = base(item, ctx);
  const off = indexingToggleOf(item, config);
  if (off) return { ...prepared, reason: off };
  const { fileSetId: setId, fileBytes: bytes } = item;
  if (!setId || bytes === null) {
    // Refused at download (over the limit: skipped; it crashed the worker twice: failed), or not downloaded (yet).
    if (item.fileStatus === "failed") return { ...prepared, outcome: "failed", reason: item.fileReason ?? "The file could not be downloaded." };
    return { ...prepared, reason: item.fileReason ?? "The file was not downloaded (see the run's errors)." };
  }
  const load = async () => {
    // The poison-item marker spans the read and the extraction (lib/files/attempts.ts).
    const [attempt] = await beginFileAttempts([item.id]);
    if (attempt && attempt.crashes >= CRASH_LIMIT) throw new Error(CRASHED_TWICE_REASON);
    const file = await readStoredFile({ contentItemId: item.id, setId, bytes });
    if (!file) throw new Error("The stored file is incomplete; it is read again after the next download.");
    return file;
  };
  let result;
  try {
    result = await extractAttachmentText({ size: bytes, load, mediaType: item.mediaType, fileName: item.title }, { ocr: config.indexing.useOcr });
  } finally {
    await endFileAttempts([item.id]);
  }
  if (result.status !== "extracted") return { ...prepared, outcome: result.status, reason: result.reason };
  const text = result.truncated ? `${result.text}\n\n(Text truncated.)` : result.text;
  return finish(prepared, item, ctx, item.title, text);
}
