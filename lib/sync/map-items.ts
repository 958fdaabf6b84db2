import type { z } from "zod";
import { ZAttachment, ZBlogPost, ZFooterComment, ZInlineComment, ZPage, ZSpace, ZV1Content } from "../confluence";
import type { ItemType } from "./counters";

/** The types stored as content items (spaces have their own table; labels live on their items). */
export type StoredType = Exclude<ItemType, "space" | "label">;

/** One Confluence item in the shape we store (lib/sync/save-items.ts). */
export interface ItemRecord {
  confluenceId: string;
  type: StoredType;
  spaceConfluenceId: string | null;
  parentId: string | null;
  parentType: string | null;
  title: string;
  status: string;
  version: number;
  authorId: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  webUrl: string | null;
  body: string | null;
  mediaType?: string | null;
  fileSize?: number | null;
  downloadPath?: string | null;
  extra?: Record<string, unknown> | null;
  /** Labels, when the listing carries them (Data Center); else the labels step sets them (Cloud). */
  labels?: string[];
  /** Ancestor ids, root first, when the listing gave them (folders); else derived later (ancestors-step.ts). */
  ancestorIds?: string[];
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; id: string; reason: string };

const webUrl = (siteUrl: string, webui: string | null | undefined) => (webui ? `${siteUrl}/wiki${webui}` : null);
/** Fallbacks for what the spec leaves optional: Confluence's own addresses built from the id or key. */
const contentUrl = (siteUrl: string, id: string) => `${siteUrl}/wiki/pages/viewpage.action?pageId=${encodeURIComponent(id)}`;
const instant = (value: string | null | undefined) => (value ? new Date(value) : null);
const CURRENT = "current";
/** The id a failure carries when the item failed before its id could be read. */
export const UNKNOWN_ID = "unknown";

/** The raw item's id when it has one (a failed item then keeps its stored copy); else UNKNOWN_ID. */
const idOf = (raw: unknown) => {
  const id = (raw as { id?: unknown } | null)?.id;
  return (typeof id === "string" && id.length > 0) || typeof id === "number" ? String(id) : UNKNOWN_ID;
};

/** Parses one raw list item; a bad item becomes a failure with its reason, never a thrown error. */
export function parseItem<S extends z.ZodType>(schema: S, raw: unknown): Mapped<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, id: idOf(raw), reason: `unexpected shape at ${issue.path.join(".") || "(root)"}: ${issue.message}` };
}

export function mapSpace(raw: unknown, siteUrl: string) {
  const parsed = parseItem(ZSpace, raw);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  return {
    ok: true as const,
    value: {
      confluenceId: s.id,
      key: s.key,
      name: s.name ?? s.key,
      type: s.type ?? "global",
      status: s.status ?? CURRENT,
      webUrl: webUrl(siteUrl, s._links?.webui) ?? `${siteUrl}/wiki/spaces/${encodeURIComponent(s.key)}`,
    },
  };
}

/** The fields pages and blog posts share, with the fallbacks for what the spec leaves optional. */
function documentRecord(d: z.output<typeof ZPage> | z.output<typeof ZBlogPost>, siteUrl: string) {
  return {
    confluenceId: d.id,
    spaceConfluenceId: d.spaceId,
    title: d.title ?? "",
    status: d.status ?? CURRENT,
    version: d.version.number,
    authorId: d.authorId ?? null,
    createdAt: instant(d.createdAt),
    modifiedAt: instant(d.version.createdAt),
    webUrl: webUrl(siteUrl, d._links?.webui) ?? contentUrl(siteUrl, d.id),
    body: d.body?.storage?.value ?? null,
  };
}

export function mapPage(raw: unknown, siteUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZPage, raw);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  return { ok: true, value: { ...documentRecord(p, siteUrl), type: "page", parentId: p.parentId ?? null, parentType: p.parentType ?? null } };
}

export function mapBlogPost(raw: unknown, siteUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZBlogPost, raw);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ...documentRecord(parsed.value, siteUrl), type: "blogpost", parentId: null, parentType: null } };
}

export function mapComment(raw: unknown, siteUrl: string, type: "footer_comment" | "inline_comment"): Mapped<ItemRecord> {
  const parsed = type === "footer_comment" ? parseItem(ZFooterComment, raw) : parseItem(ZInlineComment, raw);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const inline = type === "inline_comment" ? (c as z.output<typeof ZInlineComment>) : null;
  return {
    ok: true,
    value: {
      confluenceId: c.id,
      type,
      spaceConfluenceId: null,
      parentId: c.parentCommentId ?? c.pageId ?? c.blogPostId ?? null,
      parentType: c.parentCommentId ? "comment" : c.pageId ? "page" : c.blogPostId ? "blogpost" : null,
      title: c.title ?? "",
      status: c.status ?? CURRENT,
      version: c.version.number,
      authorId: c.version.authorId ?? null,
      createdAt: null,
      modifiedAt: instant(c.version.createdAt),
      webUrl: webUrl(siteUrl, c._links?.webui),
      body: c.body?.storage?.value ?? null,
      extra: {
        containerId: c.pageId ?? c.blogPostId ?? null,
        containerType: c.pageId ? "page" : "blogpost",
        ...(inline ? { resolutionStatus: inline.resolutionStatus ?? null, anchorText: inline.properties?.inlineOriginalSelection ?? null } : {}),
      },
    },
  };
}

export function mapAttachment(raw: unknown, siteUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZAttachment, raw);
  if (!parsed.ok) return parsed;
  const a = parsed.value;
  return {
    ok: true,
    value: {
      confluenceId: a.id,
      type: "attachment",
      spaceConfluenceId: null,
      parentId: a.pageId ?? a.blogPostId ?? null,
      parentType: a.pageId ? "page" : a.blogPostId ? "blogpost" : null,
      title: a.title ?? `attachment ${a.id}`,
      status: a.status ?? CURRENT,
      version: a.version.number,
      authorId: a.version.authorId ?? null,
      createdAt: instant(a.createdAt),
      modifiedAt: instant(a.version.createdAt),
      webUrl: webUrl(siteUrl, a._links?.webui),
      body: null,
      mediaType: a.mediaType ?? "application/octet-stream",
      fileSize: a.fileSize ?? null,
      downloadPath: a.downloadLink ?? a._links?.download ?? null,
    },
  };
}

/**
 * A folder from a CQL search result (`expand=content.space,content.version,content.history,
 * content.ancestors`): v2 has no folder list, and its single-folder route has no space.
 */
export function mapFolder(raw: unknown, siteUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZV1Content, (raw as { content?: unknown })?.content ?? raw);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const ancestors = f.ancestors ?? [];
  const parent = ancestors[ancestors.length - 1];
  return {
    ok: true,
    value: {
      confluenceId: f.id,
      type: "folder",
      spaceConfluenceId: f.space?.id == null ? null : String(f.space.id),
      parentId: parent?.id ?? null,
      parentType: parent ? (parent.type ?? null) : null,
      title: f.title ?? "",
      status: f.status ?? CURRENT,
      version: f.version?.number ?? 1,
      authorId: f.history?.createdBy?.accountId ?? f.version?.by?.accountId ?? null,
      createdAt: f.history?.createdDate ? new Date(f.history.createdDate) : null,
      modifiedAt: f.version?.when ? new Date(f.version.when) : null,
      webUrl: webUrl(siteUrl, f._links?.webui),
      body: null,
      ancestorIds: ancestors.map((a) => a.id),
    },
  };
}
