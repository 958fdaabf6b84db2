import { makeLargeFile } from "../generate/large-files";
import { HttpError } from "../http/errors";
import type { Ctx, RouteDef } from "../http/router";
import * as m from "../store/mutations";
import type { ContentType, PrincipalType } from "../store/types";
import { attachmentJson, commentJson, contentJson } from "../routes/v2/serialize";

/** Admin API: content mutations, comments, attachments, permissions and restrictions. */
export const obj = (ctx: Ctx): Record<string, unknown> => (ctx.body && typeof ctx.body === "object" ? (ctx.body as Record<string, unknown>) : {});
const idParam = (ctx: Ctx) => {
  if (!/^\d+$/.test(ctx.params.id)) throw new HttpError(400, "id must be numeric");
  return Number(ctx.params.id);
};
const asStr = (v: unknown) => (v == null ? undefined : String(v));

/**
 * The bytes of a new attachment: `contentBase64`, `text`, or `generate: { kind: "pdf" | "docx" |
 * "txt", sizeBytes, lines? }` for a large file with a small text layer (generate/large-files.ts).
 */
function attachmentBytesOf(b: Record<string, unknown>): Uint8Array {
  if (b.generate && typeof b.generate === "object") {
    const g = b.generate as Record<string, unknown>;
    if (g.kind !== "pdf" && g.kind !== "docx" && g.kind !== "txt") throw new HttpError(400, 'generate.kind must be "pdf", "docx" or "txt"');
    const lines = Array.isArray(g.lines) ? g.lines.map(String) : [String(b.fileName ?? "Generated file")];
    try {
      return makeLargeFile(g.kind, lines, Number(g.sizeBytes));
    } catch (err) {
      throw new HttpError(400, `generate.${(err as Error).message}`);
    }
  }
  if (typeof b.contentBase64 === "string") return new Uint8Array(Buffer.from(b.contentBase64, "base64"));
  return new TextEncoder().encode(String(b.text ?? ""));
}

function contentRoutesFor(segment: string, type: ContentType): RouteDef[] {
  const base = `/__admin/${segment}`;
  return [
    {
      method: "POST",
      pattern: base,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const c = m.createContent(ctx.sim.store, {
          type,
          spaceId: asStr(b.spaceId),
          spaceKey: asStr(b.spaceKey),
          title: String(b.title ?? ""),
          parentId: asStr(b.parentId),
          body: asStr(b.body),
          authorId: asStr(b.authorId),
        });
        return { status: 201, json: contentJson(ctx.sim, c, "storage") };
      },
    },
    {
      method: "PUT",
      pattern: `${base}/{id}`,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const c = m.updateContent(ctx.sim.store, idParam(ctx), {
          title: asStr(b.title),
          body: asStr(b.body),
          message: asStr(b.message),
          authorId: asStr(b.authorId),
        });
        return { json: contentJson(ctx.sim, c, "storage") };
      },
    },
    {
      method: "POST",
      pattern: `${base}/{id}/move`,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const c = m.moveContent(ctx.sim.store, idParam(ctx), b.parentId == null ? null : Number(b.parentId), b.spaceId == null ? undefined : Number(b.spaceId));
        return { json: contentJson(ctx.sim, c, null) };
      },
    },
    {
      method: "POST",
      pattern: `${base}/{id}/trash`,
      flavor: "admin",
      handler: (ctx) => ({ json: contentJson(ctx.sim, m.setStatus(ctx.sim.store, idParam(ctx), "trashed"), null) }),
    },
    {
      method: "POST",
      pattern: `${base}/{id}/archive`,
      flavor: "admin",
      handler: (ctx) => ({ json: contentJson(ctx.sim, m.setStatus(ctx.sim.store, idParam(ctx), "archived"), null) }),
    },
    {
      method: "POST",
      pattern: `${base}/{id}/restore`,
      flavor: "admin",
      handler: (ctx) => ({ json: contentJson(ctx.sim, m.setStatus(ctx.sim.store, idParam(ctx), "current"), null) }),
    },
    {
      method: "DELETE",
      pattern: `${base}/{id}`,
      flavor: "admin",
      handler: (ctx) => {
        m.purgeContent(ctx.sim.store, idParam(ctx));
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: `${base}/{id}/comments`,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const kind = b.kind === "inline" ? "inline" : "footer";
        const c = m.addComment(ctx.sim.store, idParam(ctx), {
          body: asStr(b.body),
          kind,
          authorId: asStr(b.authorId),
          parentCommentId: asStr(b.parentCommentId),
          selection: asStr(b.selection),
        });
        return { status: 201, json: commentJson(ctx.sim, c, "storage") };
      },
    },
    {
      method: "POST",
      pattern: `${base}/{id}/attachments`,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const bytes = attachmentBytesOf(b);
        const a = m.addAttachment(ctx.sim.store, idParam(ctx), {
          fileName: String(b.fileName ?? ""),
          mediaType: asStr(b.mediaType),
          bytes,
          authorId: asStr(b.authorId),
          comment: asStr(b.comment),
        });
        return { status: 201, json: attachmentJson(ctx.sim, a) };
      },
    },
    {
      method: "PUT",
      pattern: `${base}/{id}/restrictions`,
      flavor: "admin",
      handler: (ctx) => {
        const b = obj(ctx);
        const users = Array.isArray(b.users) ? b.users.map(String) : [];
        const groups = Array.isArray(b.groups) ? b.groups.map(String) : [];
        const c = m.setRestriction(ctx.sim.store, idParam(ctx), { users, groups });
        return { json: { id: String(c.id), readRestriction: c.readRestriction } };
      },
    },
  ];
}

export const adminContentRoutes: RouteDef[] = [
  ...contentRoutesFor("pages", "page"),
  ...contentRoutesFor("blogposts", "blogpost"),
  ...contentRoutesFor("folders", "folder"),
  {
    method: "POST",
    pattern: "/__admin/spaces/{id}/permissions",
    flavor: "admin",
    handler: (ctx) => {
      const b = obj(ctx);
      const type = String(b.principalType ?? "") as PrincipalType;
      if (!["user", "group", "anonymous", "role"].includes(type)) throw new HttpError(400, "principalType must be user, group, role or anonymous");
      const ops = Array.isArray(b.operations)
        ? (b.operations as { key: string; targetType: string }[]).map((o) => [o.key, o.targetType] as [string, string])
        : undefined;
      m.grantSpacePermission(ctx.sim.store, Number(ctx.params.id), type, type === "anonymous" ? null : String(b.principalId ?? ""), ops);
      return { status: 201, json: { permissions: ctx.sim.store.spaces.get(Number(ctx.params.id))!.permissions } };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/spaces/{id}/permissions",
    flavor: "admin",
    handler: (ctx) => {
      const q = ctx.query;
      const removed = m.revokeSpacePermission(ctx.sim.store, Number(ctx.params.id), {
        permissionId: q.get("permissionId") ?? undefined,
        principalType: (q.get("principalType") ?? undefined) as PrincipalType | undefined,
        principalId: q.get("principalId"),
      });
      return { json: { removed } };
    },
  },
];
