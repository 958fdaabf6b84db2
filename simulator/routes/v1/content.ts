import { HttpError } from "../../http/errors";
import type { Ctx, RouteDef } from "../../http/router";
import type { Attachment, Content } from "../../store/types";
import { SCOPES } from "../v2/common";
import { attachmentBytes } from "../v2/serialize";
import { v1Content, v1Group, v1User } from "./v1json";

/** v1 read restrictions, audit records and attachment downloads. */
function readableContent(ctx: Ctx, raw: string): Content {
  const c = /^\d+$/.test(raw) ? ctx.sim.store.contents.get(Number(raw)) : undefined;
  if (!c || !ctx.access.canReadContent(c)) throw new HttpError(404, `No content found with id: ${raw}`);
  return c;
}

/**
 * A restriction's subject lists, paged together by `start`/`limit` (at most 100 a page, as Cloud
 * pages them): each list reports its `totalSize`, so a caller asks again while `start + size`
 * falls short of either total.
 */
function restrictionJson(ctx: Ctx, c: Content, operation: "read" | "update") {
  const r = operation === "read" ? c.readRestriction : null;
  const start = Math.max(0, Number(ctx.query.get("start") ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(ctx.query.get("limit") ?? 100) || 100));
  const users = (r?.users ?? []).map((id) => ctx.sim.store.users.get(id)).filter((u) => !!u);
  const groups = (r?.groups ?? []).map((id) => ctx.sim.store.groups.get(id)).filter((g) => !!g);
  const u = users.slice(start, start + limit);
  const g = groups.slice(start, start + limit);
  return {
    operation,
    restrictions: {
      user: { results: u.map((x) => v1User(ctx.sim, x)), start, limit, size: u.length, totalSize: users.length },
      group: { results: g.map((x) => v1Group(ctx.sim, x)), start, limit, size: g.length, totalSize: groups.length },
    },
    _expandable: { content: `/rest/api/content/${c.id}` },
    _links: { self: `${ctx.sim.url}/wiki/rest/api/content/${c.id}/restriction/byOperation/${operation}`, base: `${ctx.sim.url}/wiki`, context: "/wiki" },
  };
}

/** A restriction read fault set through `PUT /__admin/faults/restrictions` (403, 404, 503...). */
function restrictionFault(ctx: Ctx, raw: string): void {
  const status = ctx.sim.restrictionFaults.get(raw);
  if (status === 403) throw new HttpError(403, `You are not permitted to view the restrictions of content ${raw}`);
  if (status === 404) throw new HttpError(404, `No content found with id: ${raw}`);
  if (status) throw new HttpError(status, `Restrictions of content ${raw} are not available`);
}

function sendAttachment(ctx: Ctx, a: Attachment | undefined) {
  if (!a || a.status !== "current" || !ctx.access.canReadContainer(a.containerId)) throw new HttpError(404, "Attachment not found");
  const bytes = attachmentBytes(ctx.sim.store, a);
  return { bytes, contentType: a.mediaType, headers: { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}` }, points: 1 };
}

function parseDate(raw: string | null): number | null {
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new HttpError(400, `Invalid date: ${raw}`);
  return t;
}

export const contentV1Routes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/wiki/rest/api/content/{id}",
    flavor: "v1",
    scopes: { classic: ["read:confluence-content.all"], granular: ["read:page:confluence"] },
    handler: (ctx) => {
      const expand = new Set(
        (ctx.query.get("expand") ?? "")
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      );
      return { json: v1Content(ctx.sim, readableContent(ctx, ctx.params.id), expand), points: 1 };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/content/{id}/restriction/byOperation/{op}",
    flavor: "v1",
    scopes: SCOPES.restriction,
    handler: (ctx) => {
      const op = ctx.params.op;
      if (op !== "read" && op !== "update") throw new HttpError(400, `Unknown operation ${op}`);
      restrictionFault(ctx, ctx.params.id);
      const json = restrictionJson(ctx, readableContent(ctx, ctx.params.id), op);
      return { json, points: 2 * (json.restrictions.user.size + json.restrictions.group.size) };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/content/{id}/restriction",
    flavor: "v1",
    scopes: SCOPES.restriction,
    handler: (ctx) => {
      restrictionFault(ctx, ctx.params.id);
      const c = readableContent(ctx, ctx.params.id);
      const results = [restrictionJson(ctx, c, "read"), restrictionJson(ctx, c, "update")];
      return { json: { results, start: 0, limit: 100, size: 2, _links: { base: `${ctx.sim.url}/wiki`, context: "/wiki" } } };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/audit",
    flavor: "v1",
    scopes: SCOPES.audit,
    handler: (ctx) => {
      const from = parseDate(ctx.query.get("startDate"));
      const to = parseDate(ctx.query.get("endDate"));
      const search = (ctx.query.get("searchString") ?? "").toLowerCase();
      const start = Math.max(0, Number(ctx.query.get("start") ?? 0) || 0);
      const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? 1000) || 1000));
      const all = ctx.sim.store.audit
        .filter(
          (r) => (from === null || r.creationDate >= from) && (to === null || r.creationDate <= to) && (!search || r.summary.toLowerCase().includes(search)),
        )
        .sort((a, b) => b.creationDate - a.creationDate);
      const results = all.slice(start, start + limit).map((r) => {
        const u = ctx.sim.store.users.get(r.authorId);
        return {
          author: {
            type: "user",
            displayName: u?.displayName ?? "System",
            operations: null,
            username: "",
            userKey: "",
            accountId: r.authorId,
            accountType: "atlassian",
            externalCollaborator: false,
            isExternalCollaborator: false,
            publicName: u?.displayName ?? "System",
          },
          remoteAddress: "127.0.0.1",
          creationDate: r.creationDate,
          summary: r.summary,
          description: r.description,
          category: r.category,
          sysAdmin: false,
          superAdmin: false,
          affectedObject: { name: r.objectName, objectType: r.objectType },
          changedValues: [],
          associatedObjects: [],
        };
      });
      return { json: { results, start, limit, size: results.length, _links: { base: `${ctx.sim.url}/wiki`, context: "/wiki" } } };
    },
  },
  {
    method: "GET",
    pattern: "/wiki/download/attachments/{containerId}/{fileName}",
    flavor: "download",
    scopes: SCOPES.download,
    handler: (ctx) => {
      const list = ctx.sim.store.attachmentsByContainer.get(Number(ctx.params.containerId)) ?? [];
      return sendAttachment(
        ctx,
        list.find((a) => a.fileName === ctx.params.fileName),
      );
    },
  },
  {
    method: "GET",
    pattern: "/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download",
    flavor: "download",
    scopes: SCOPES.download,
    handler: (ctx) => {
      const m = /^(?:att)?(\d+)$/.exec(ctx.params.attachmentId);
      const a = m ? ctx.sim.store.attachments.get(Number(m[1])) : undefined;
      return sendAttachment(ctx, a && String(a.containerId) === ctx.params.id ? a : undefined);
    },
  },
];
