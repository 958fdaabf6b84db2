import { ZDcContent, ZDcSpace, type DcContent } from "../../confluence";
import { parseItem, type ItemRecord, type Mapped } from "../map-items";

/**
 * Data Center JSON (REST API v1 shapes) into the records the engine stores, the same records as
 * Cloud's: ids as strings, people by user key, web links under the base URL (its context path
 * included). A listing with `expand=ancestors` gives every page its whole chain.
 */
const CURRENT = "current";
const instant = (value: string | null | undefined) => (value ? new Date(value) : null);
const link = (baseUrl: string, webui: string | null | undefined) => (webui ? `${baseUrl}${webui}` : null);
const viewPage = (baseUrl: string, id: string) => `${baseUrl}/pages/viewpage.action?pageId=${encodeURIComponent(id)}`;

export function mapDcSpace(raw: unknown, baseUrl: string) {
  const parsed = parseItem(ZDcSpace, raw);
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
      webUrl: link(baseUrl, s._links?.webui) ?? `${baseUrl}/display/${encodeURIComponent(s.key)}`,
    },
  };
}

function common(c: DcContent, baseUrl: string) {
  return {
    confluenceId: c.id,
    title: c.title ?? "",
    status: c.status ?? CURRENT,
    version: c.version.number,
    authorId: c.history?.createdBy?.userKey ?? c.version.by?.userKey ?? null,
    createdAt: instant(c.history?.createdDate),
    modifiedAt: instant(c.version.when),
    webUrl: link(baseUrl, c._links?.webui),
  };
}

/** Labels come with the listing (`expand=metadata.labels`), so Data Center needs no label walk. */
const labelsOf = (c: DcContent) => c.metadata?.labels?.results.map((l) => l.name) ?? undefined;

/** A page or blog post (the listing's type decides which; anything else is a failure). */
export function mapDcDocument(raw: unknown, baseUrl: string, type: "page" | "blogpost"): Mapped<ItemRecord> {
  const parsed = parseItem(ZDcContent, raw);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  if (c.type !== type) return { ok: false, id: c.id, reason: `listed as a ${type} but is a ${c.type}` };
  const ancestors = type === "page" ? (c.ancestors ?? []).filter((a) => !a.type || a.type === "page") : [];
  const parent = ancestors[ancestors.length - 1];
  return {
    ok: true,
    value: {
      ...common(c, baseUrl),
      webUrl: link(baseUrl, c._links?.webui) ?? viewPage(baseUrl, c.id),
      type,
      spaceConfluenceId: c.space?.id ?? null,
      parentId: parent?.id ?? null,
      parentType: parent ? "page" : null,
      body: c.body?.storage?.value ?? null,
      ...(c.ancestors ? { ancestorIds: ancestors.map((a) => a.id) } : {}),
      labels: labelsOf(c),
    },
  };
}

/** A footer or inline comment (`extensions.location`), below its page or blog post, or a reply below its comment. */
export function mapDcComment(raw: unknown, baseUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZDcContent, raw);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  if (!c.container) return { ok: false, id: c.id, reason: "a comment without its container (expand=container)" };
  const inline = c.extensions?.location === "inline";
  const parentComment = c.ancestors?.filter((a) => a.type === "comment").at(-1);
  const containerType = c.container.type === "blogpost" ? "blogpost" : "page";
  return {
    ok: true,
    value: {
      ...common(c, baseUrl),
      type: inline ? "inline_comment" : "footer_comment",
      spaceConfluenceId: null,
      parentId: parentComment?.id ?? c.container.id,
      parentType: parentComment ? "comment" : containerType,
      body: c.body?.storage?.value ?? null,
      extra: {
        containerId: c.container.id,
        containerType,
        ...(inline
          ? { resolutionStatus: c.extensions?.resolution?.status ?? null, anchorText: c.extensions?.inlineProperties?.originalSelection ?? null }
          : {}),
      },
    },
  };
}

export function mapDcAttachment(raw: unknown, baseUrl: string): Mapped<ItemRecord> {
  const parsed = parseItem(ZDcContent, raw);
  if (!parsed.ok) return parsed;
  const a = parsed.value;
  if (!a.container) return { ok: false, id: a.id, reason: "an attachment without its container (expand=container)" };
  return {
    ok: true,
    value: {
      ...common(a, baseUrl),
      type: "attachment",
      title: a.title ?? `attachment ${a.id}`,
      spaceConfluenceId: null,
      parentId: a.container.id,
      parentType: a.container.type === "blogpost" ? "blogpost" : "page",
      body: null,
      mediaType: a.metadata?.mediaType ?? a.extensions?.mediaType ?? "application/octet-stream",
      fileSize: a.extensions?.fileSize ?? null,
      downloadPath: a._links?.download ?? null,
    },
  };
}
