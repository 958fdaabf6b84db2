import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../permissions";
import { containerIdOf } from "./containers";
import { mayViewRecord, visibleRecordIds } from "./visible-records";
import { modifiedBounds, recordStatus, storedIndexStatus, storedTypes, type RecordsQuery } from "./schemas";

export interface RecordRow {
  id: string;
  connectorId: string;
  connectorName: string;
  confluenceId: string;
  type: string;
  title: string;
  space: { key: string; name: string } | null;
  status: ReturnType<typeof recordStatus>;
  indexError: string | null;
  modifiedAt: string | null;
  url: string | null;
}

const ORDER: Record<RecordsQuery["sort"], (dir: "asc" | "desc") => Prisma.ContentItemOrderByWithRelationInput[]> = {
  title: (dir) => [{ title: dir }, { id: "asc" }],
  modified: (dir) => [{ modifiedAt: { sort: dir, nulls: "last" } }, { id: "asc" }],
  type: (dir) => [{ type: dir }, { title: "asc" }, { id: "asc" }],
  status: (dir) => [{ indexStatus: dir }, { title: "asc" }, { id: "asc" }],
};

async function spaceFilter(space: string | undefined, connector: string | undefined): Promise<Prisma.ContentItemWhereInput> {
  if (!space) return {};
  const spaces = await db().confluenceSpace.findMany({
    where: { key: space, ...(connector ? { connectorId: connector } : {}) },
    select: { confluenceId: true },
  });
  return { spaceConfluenceId: { in: spaces.map((s) => s.confluenceId) } };
}

/** All Records: every stored item, paged, sorted and filtered on the server. */
export async function listRecords(
  query: RecordsQuery,
  viewer: Viewer = { kind: "admin" },
): Promise<{ total: number; page: number; pageSize: number; records: RecordRow[] }> {
  if (viewer.kind !== "admin") return listVisibleRecords(query, viewer);
  const { from, before } = modifiedBounds(query);
  const where: Prisma.ContentItemWhereInput = {
    ...(query.connector ? { connectorId: query.connector } : {}),
    ...(query.type ? { type: { in: storedTypes(query.type) } } : {}),
    ...(query.status ? { indexStatus: storedIndexStatus(query.status) } : {}),
    ...(query.q ? { title: { contains: query.q, mode: "insensitive" as const } } : {}),
    ...(from || before ? { modifiedAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
    ...(await spaceFilter(query.space, query.connector)),
  };
  const [total, rows] = await Promise.all([
    db().contentItem.count({ where }),
    db().contentItem.findMany({
      where,
      orderBy: ORDER[query.sort](query.dir),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        connectorId: true,
        confluenceId: true,
        type: true,
        title: true,
        spaceConfluenceId: true,
        indexStatus: true,
        indexError: true,
        modifiedAt: true,
        webUrl: true,
        connector: { select: { name: true } },
      },
    }),
  ]);
  return { total, page: query.page, pageSize: query.pageSize, records: await toRecordRows(rows) };
}

const ROW_SELECT = {
  id: true,
  connectorId: true,
  confluenceId: true,
  type: true,
  title: true,
  spaceConfluenceId: true,
  indexStatus: true,
  indexError: true,
  modifiedAt: true,
  webUrl: true,
  connector: { select: { name: true } },
} as const;

/** A member's All Records: the page of ids comes from SQL with the visibility predicate; rows are read in that order. */
async function listVisibleRecords(query: RecordsQuery, viewer: Viewer) {
  const { ids, total } = await visibleRecordIds(query, viewer);
  const found = await db().contentItem.findMany({ where: { id: { in: ids } }, select: ROW_SELECT });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { total, page: query.page, pageSize: query.pageSize, records: await toRecordRows(rows) };
}

async function toRecordRows(
  rows: {
    id: string;
    connectorId: string;
    confluenceId: string;
    type: string;
    title: string;
    spaceConfluenceId: string | null;
    indexStatus: string;
    indexError: string | null;
    modifiedAt: Date | null;
    webUrl: string | null;
    connector: { name: string };
  }[],
): Promise<RecordRow[]> {
  const spaces = await spacesOf(rows);
  return rows.map((r) => ({
    id: r.id,
    connectorId: r.connectorId,
    connectorName: r.connector.name,
    confluenceId: r.confluenceId,
    type: r.type,
    title: r.title,
    space: spaces.get(`${r.connectorId}/${r.spaceConfluenceId}`) ?? null,
    status: recordStatus(r.indexStatus),
    indexError: r.indexError,
    modifiedAt: r.modifiedAt?.toISOString() ?? null,
    url: r.webUrl,
  }));
}

async function spacesOf(rows: { connectorId: string; spaceConfluenceId: string | null }[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.spaceConfluenceId ? [r.spaceConfluenceId] : [])))];
  const spaces = ids.length
    ? await db().confluenceSpace.findMany({ where: { confluenceId: { in: ids } }, select: { connectorId: true, confluenceId: true, key: true, name: true } })
    : [];
  return new Map(spaces.map((s) => [`${s.connectorId}/${s.confluenceId}`, { key: s.key, name: s.name }]));
}

/** One record with its Markdown, metadata, attachments and comments, and its place in the index. */
export async function getRecord(id: string, viewer: Viewer = { kind: "admin" }) {
  if (!(await mayViewRecord(id, viewer))) throw new AppError("NOT_FOUND", "No record with that id.");
  const item = await db().contentItem.findUnique({
    where: { id },
    select: {
      id: true,
      connectorId: true,
      confluenceId: true,
      type: true,
      title: true,
      status: true,
      version: true,
      authorId: true,
      createdAt: true,
      modifiedAt: true,
      webUrl: true,
      labels: true,
      breadcrumb: true,
      mediaType: true,
      fileSize: true,
      spaceConfluenceId: true,
      parentId: true,
      indexStatus: true,
      indexError: true,
      indexedAt: true,
      indexSelected: true,
      markdown: true,
      extra: true,
      connector: { select: { name: true, config: true } },
      _count: { select: { searchChunks: true } },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", "No record with that id.");
  const children = await db().contentItem.findMany({
    where: {
      connectorId: item.connectorId,
      OR: [{ parentId: item.confluenceId }, { extra: { path: ["containerId"], equals: item.confluenceId } }],
      type: { in: ["attachment", "footer_comment", "inline_comment"] },
    },
    select: { id: true, type: true, title: true, modifiedAt: true, indexStatus: true, mediaType: true, fileSize: true, webUrl: true },
    orderBy: [{ type: "asc" }, { modifiedAt: "asc" }],
    take: 500,
  });
  const space = (await spacesOf([item])).get(`${item.connectorId}/${item.spaceConfluenceId}`) ?? null;
  // Comments and attachments link back to their page or blog post.
  const containerId = containerIdOf(item);
  const container = containerId
    ? await db().contentItem.findUnique({
        where: { connectorId_confluenceId: { connectorId: item.connectorId, confluenceId: containerId } },
        select: { id: true, title: true, type: true },
      })
    : null;
  const author = item.authorId
    ? await db().confluenceUser.findUnique({
        where: { connectorId_accountId: { connectorId: item.connectorId, accountId: item.authorId } },
        select: { displayName: true },
      })
    : null;
  const manualIndexing = !!(item.connector.config as { indexing?: { manualIndexing?: boolean } } | null)?.indexing?.manualIndexing;
  const view = (c: (typeof children)[number]) => ({
    id: c.id,
    type: c.type,
    title: c.title,
    status: recordStatus(c.indexStatus),
    modifiedAt: c.modifiedAt?.toISOString() ?? null,
    mediaType: c.mediaType,
    fileSize: c.fileSize,
    url: c.webUrl,
  });
  return {
    id: item.id,
    connectorId: item.connectorId,
    connectorName: item.connector.name,
    confluenceId: item.confluenceId,
    type: item.type,
    title: item.title,
    confluenceStatus: item.status,
    version: item.version,
    authorId: item.authorId,
    authorName: author?.displayName ?? null,
    createdAt: item.createdAt?.toISOString() ?? null,
    modifiedAt: item.modifiedAt?.toISOString() ?? null,
    url: item.webUrl,
    labels: item.labels,
    breadcrumb: item.breadcrumb,
    space,
    mediaType: item.mediaType,
    fileSize: item.fileSize,
    status: recordStatus(item.indexStatus),
    indexError: item.indexError,
    indexedAt: item.indexedAt?.toISOString() ?? null,
    chunkCount: item._count.searchChunks,
    manualIndexing,
    selectedForIndexing: item.indexSelected,
    container,
    markdown: item.markdown,
    anchorText: ((item.extra ?? {}) as { anchorText?: string | null }).anchorText ?? null,
    attachments: children.filter((c) => c.type === "attachment").map(view),
    comments: children.filter((c) => c.type !== "attachment").map(view),
  };
}
export type RecordDetail = Awaited<ReturnType<typeof getRecord>>;
