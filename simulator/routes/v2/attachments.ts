import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Attachment } from "../../store/types";
import { SCOPES, V2, filterIter, listReply, notFound, numericId, oneOf, statuses, visibleContent } from "./common";
import { attachmentJson } from "./serialize";

/** Attachments, globally and per page / blog post. Ids are `att<number>` as in Confluence. */
const SORTS = ["created-date", "-created-date", "modified-date", "-modified-date"] as const;

export function attachmentId(raw: string): number {
  const m = /^(?:att)?(\d+)$/.exec(raw);
  if (!m) throw new HttpError(400, `Invalid attachment id: ${raw}`);
  return Number(m[1]);
}

function list(ctx: Ctx, containerType: "page" | "blogpost" | null) {
  const q = ctx.query;
  const s = oneOf(q, "sort", SORTS, null);
  const status = statuses(q, ["current", "archived", "trashed"], ["current"]);
  const mediaType = q.get("mediaType");
  const filename = q.get("filename");
  const store = ctx.sim.store;
  let source: Iterable<Attachment> = store.attachmentList;
  if (containerType) source = store.attachmentsByContainer.get(visibleContent(ctx, numericId(ctx.params.id), containerType).id) ?? [];
  const pred = (a: Attachment) =>
    status.has(a.status) && (!mediaType || a.mediaType === mediaType) && (!filename || a.fileName === filename) && ctx.access.canReadContainer(a.containerId);
  const desc = !!s && s.startsWith("-");
  const key = !s ? (a: Attachment) => a.id : s.includes("created") ? (a: Attachment) => a.createdAt : (a: Attachment) => a.modifiedAt;
  return listReply(ctx, filterIter(source, pred), { key, desc, id: (a) => a.id, presorted: !s, defLimit: 50 }, (a) => attachmentJson(ctx.sim, a));
}

export const attachmentRoutes: RouteDef[] = [
  { method: "GET", pattern: `${V2}/attachments`, flavor: "v2", scopes: SCOPES.attachment, handler: (ctx) => list(ctx, null) },
  { method: "GET", pattern: `${V2}/pages/{id}/attachments`, flavor: "v2", scopes: SCOPES.attachment, handler: (ctx) => list(ctx, "page") },
  { method: "GET", pattern: `${V2}/blogposts/{id}/attachments`, flavor: "v2", scopes: SCOPES.attachment, handler: (ctx) => list(ctx, "blogpost") },
  {
    method: "GET",
    pattern: `${V2}/attachments/{id}`,
    flavor: "v2",
    scopes: SCOPES.attachment,
    handler: (ctx) => {
      const a = ctx.sim.store.attachments.get(attachmentId(ctx.params.id));
      if (!a || !ctx.access.canReadContainer(a.containerId)) notFound();
      const json = attachmentJson(ctx.sim, a);
      (json._links as Record<string, string>).base = `${ctx.sim.url}/wiki`;
      return { json, points: 1 };
    },
  },
];
