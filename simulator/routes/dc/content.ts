import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import type { Attachment, Comment, Content } from "../../store/types";
import { contentNumber, dcRoute, multiParam, notFoundContent, readablePage, statusFilter, type DcRouteDef } from "./common";
import { dcAttachmentJson, dcCommentJson, dcContentJson, dcLabels, dcParentId, localDay, parseExpand } from "./json";
import { limitCap, offsetPage } from "./paging";

/** `/rest/api/content`: lists, one item by id, children (pages, comments, attachments) and labels. */
function listContent(ctx: Ctx, forcedSpaceKey?: string, forcedType?: string) {
  const q = ctx.query;
  const type = forcedType ?? q.get("type") ?? "page";
  if (type !== "page" && type !== "blogpost") throw new HttpError(400, `Unsupported content type for this resource: ${type}`);
  const spaceKey = forcedSpaceKey ?? q.get("spaceKey");
  const space = spaceKey ? ctx.sim.store.spaceByKey.get(spaceKey) : undefined;
  if (spaceKey && !space) return offsetPage(ctx, [], () => null, { cap: 1 });
  const title = q.get("title");
  const postingDay = type === "blogpost" ? q.get("postingDay") : null;
  const status = statusFilter(q);
  const expand = parseExpand(q);
  const items = ctx.sim.store.contentList.filter(
    (c) =>
      c.type === type &&
      status(c.status) &&
      (!space || c.spaceId === space.id) &&
      (title === null || c.title === title) &&
      (postingDay === null || localDay(ctx.sim, c.createdAt) === postingDay) &&
      ctx.access.canReadContent(c),
  );
  return offsetPage(ctx, items, (c) => dcContentJson(ctx.sim, c, expand), { cap: limitCap(expand) });
}

function byId(ctx: Ctx) {
  const raw = ctx.params.id;
  const n = contentNumber(raw);
  const store = ctx.sim.store;
  const expand = parseExpand(ctx.query);
  const status = statusFilter(ctx.query, ["current", "historical"]);
  const c = store.contents.get(n);
  let json: Record<string, unknown>;
  if (c && c.type !== "folder") {
    const vRaw = ctx.query.get("version");
    const version = vRaw === null ? c.version : Number(vRaw);
    if (!Number.isInteger(version) || version < 1 || version > c.version) notFoundContent(raw);
    if (!ctx.access.canReadContent(c) || !status(version < c.version ? "historical" : c.status)) notFoundContent(raw);
    json = dcContentJson(ctx.sim, c, expand, version);
  } else {
    const m = store.comments.get(n);
    const a = store.attachments.get(n);
    const container = m?.containerId ?? a?.containerId;
    if ((!m && !a) || container === undefined || !ctx.access.canReadContainer(container) || !status((m ?? a)!.status)) notFoundContent(raw);
    json = m ? dcCommentJson(ctx.sim, m, expand) : dcAttachmentJson(ctx.sim, a!, expand);
  }
  (json._links as Record<string, string>).base = `${ctx.sim.url}${ctx.sim.dc!.config.contextPath}`;
  (json._links as Record<string, string>).context = ctx.sim.dc!.config.contextPath;
  return { json, points: 1 };
}

function childComments(ctx: Ctx) {
  const page = readablePage(ctx, ctx.params.id);
  const q = ctx.query;
  const all = q.get("depth") === "all";
  const locations = new Set(multiParam(q, "location"));
  const expand = parseExpand(q);
  const located = (m: Comment) =>
    locations.size === 0 || locations.has(m.kind) || (locations.has("resolved") && m.kind === "inline" && m.resolutionStatus === "resolved");
  const items = (ctx.sim.store.commentsByContainer.get(page.id) ?? []).filter(
    (m) => m.status === "current" && (all || m.parentCommentId === null) && located(m),
  );
  return offsetPage(ctx, items, (m) => dcCommentJson(ctx.sim, m, expand), { cap: limitCap(expand) });
}

function childAttachments(ctx: Ctx) {
  const page = readablePage(ctx, ctx.params.id);
  const q = ctx.query;
  const filename = q.get("filename");
  const mediaType = q.get("mediaType");
  const expand = parseExpand(q);
  const items = (ctx.sim.store.attachmentsByContainer.get(page.id) ?? []).filter(
    (a: Attachment) => a.status === "current" && (!filename || a.fileName === filename) && (!mediaType || a.mediaType === mediaType),
  );
  return offsetPage(ctx, items, (a) => dcAttachmentJson(ctx.sim, a, expand), { cap: limitCap(expand) });
}

function childPages(ctx: Ctx) {
  const page = readablePage(ctx, ctx.params.id);
  const store = ctx.sim.store;
  const expand = parseExpand(ctx.query);
  const items = store.contentList
    .filter((c: Content) => {
      // Direct children, or pages below a folder whose nearest page is this one (Data Center has no folders).
      const viaFolder = c.parentId !== null && c.parentId !== page.id && store.contents.get(c.parentId)?.type === "folder";
      return (
        c.type === "page" &&
        c.status === "current" &&
        (c.parentId === page.id || (viaFolder && dcParentId(store, c) === page.id)) &&
        ctx.access.canReadContent(c)
      );
    })
    .sort((a, b) => a.position - b.position || a.id - b.id);
  return offsetPage(ctx, items, (c) => dcContentJson(ctx.sim, c, expand), { cap: limitCap(expand) });
}

function labels(ctx: Ctx) {
  const page = readablePage(ctx, ctx.params.id);
  const prefix = ctx.query.get("prefix");
  const items = dcLabels(ctx.sim, page).filter((l) => !prefix || l.prefix === prefix);
  return offsetPage(ctx, items, (l) => l, { cap: 200, defLimit: 200 });
}

export const dcContentRoutes: DcRouteDef[] = [
  dcRoute("GET", "/rest/api/content", (ctx) => listContent(ctx)),
  dcRoute("GET", "/rest/api/space/{spaceKey}/content/{type}", (ctx) => listContent(ctx, ctx.params.spaceKey, ctx.params.type)),
  dcRoute("GET", "/rest/api/content/{id}/child/comment", childComments),
  dcRoute("GET", "/rest/api/content/{id}/child/attachment", childAttachments),
  dcRoute("GET", "/rest/api/content/{id}/child/page", childPages),
  dcRoute("GET", "/rest/api/content/{id}/label", labels),
  dcRoute("GET", "/rest/api/content/{id}", byId),
];
