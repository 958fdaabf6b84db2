import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { viewerCte, visibleTo, type Viewer } from "../permissions";
import { modifiedBounds, storedIndexStatus, storedTypes, type RecordsQuery } from "./schemas";

const ORDER_SQL: Record<RecordsQuery["sort"], (dir: Prisma.Sql) => Prisma.Sql> = {
  title: (dir) => Prisma.sql`i.title ${dir}, i.id ASC`,
  modified: (dir) => Prisma.sql`i.modified_at ${dir} NULLS LAST, i.id ASC`,
  type: (dir) => Prisma.sql`i.type ${dir}, i.title ASC, i.id ASC`,
  status: (dir) => Prisma.sql`i.index_status ${dir}, i.title ASC, i.id ASC`,
};

/**
 * One page of All Records for a member: the same filters and order as the administrators'
 * listing, with the visibility predicate in the same SQL statement, so counts and pages only
 * ever hold what the member may view. Returns the ids in order and the total.
 */
export async function visibleRecordIds(query: RecordsQuery, viewer: Viewer): Promise<{ ids: string[]; total: number }> {
  const { from, before } = modifiedBounds(query);
  const f: Prisma.Sql[] = [visibleTo(viewer, "i")];
  if (query.connector) f.push(Prisma.sql`i.connector_id = ${query.connector}`);
  if (query.type) f.push(Prisma.sql`i.type = ANY(${storedTypes(query.type)}::text[])`);
  if (query.status) f.push(Prisma.sql`i.index_status = ${storedIndexStatus(query.status)}`);
  if (query.q) f.push(Prisma.sql`i.title ILIKE ${"%" + query.q.replace(/[\\%_]/g, "\\$&") + "%"}`);
  if (from) f.push(Prisma.sql`i.modified_at >= ${from}`);
  if (before) f.push(Prisma.sql`i.modified_at < ${before}`);
  if (query.space)
    f.push(Prisma.sql`(i.connector_id, i.space_confluence_id) IN (SELECT connector_id, confluence_id FROM confluence_spaces WHERE key = ${query.space})`);
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db().$queryRaw<{ id: string; total: bigint }[]>`
    WITH ${viewerCte(viewer)}
    SELECT i.id, count(*) OVER () AS total FROM content_items i
    WHERE ${Prisma.join(f, " AND ")}
    ORDER BY ${ORDER_SQL[query.sort](dir)}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  let total = Number(rows[0]?.total ?? 0);
  // A page past the end has no rows to carry the total.
  if (rows.length === 0 && query.page > 1)
    total = Number(
      (await db().$queryRaw<{ n: bigint }[]>`WITH ${viewerCte(viewer)} SELECT count(*) AS n FROM content_items i WHERE ${Prisma.join(f, " AND ")}`)[0]?.n ?? 0,
    );
  return { ids: rows.map((r) => r.id), total };
}

/** Whether the viewer may view one record (record detail: a 404 otherwise, never a 403). */
export async function mayViewRecord(id: string, viewer: Viewer): Promise<boolean> {
  if (viewer.kind === "admin") return true;
  const rows = await db().$queryRaw<
    { ok: boolean }[]
  >`WITH ${viewerCte(viewer)} SELECT ${visibleTo(viewer, "i")} AS ok FROM content_items i WHERE i.id = ${id}`;
  return rows[0]?.ok === true;
}
