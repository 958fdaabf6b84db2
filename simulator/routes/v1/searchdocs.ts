import { renderCommentBody } from "../../generate/bodies";
import { HttpError } from "../../http/errors";
import type { SimState } from "../../state";
import type { Store } from "../../store/store";
import type { Attachment, Comment, Content } from "../../store/types";
import { attachmentSize, downloadPath, iso, webui } from "../v2/serialize";
import type { CqlNode, CqlValue } from "./cql";
import { v1Content, v1User } from "./v1json";

/** What CQL searches over: pages, blog posts, folders, attachments and comments, seen through one shape. */
export interface Doc {
  id: number;
  type: "page" | "blogpost" | "folder" | "attachment" | "comment";
  status: string;
  spaceId: number;
  title: string;
  createdAt: number;
  modifiedAt: number;
  authorId: string;
  versionAuthorId: string;
  parentId: number | null;
  labels: number[];
  /** The page or blog post itself, or the container of an attachment or comment. */
  content: Content;
  attachment?: Attachment;
  comment?: Comment;
}

/** The doc types a query can match, from its top-level `type` conditions (null: any). */
export function typesOf(n: CqlNode | null): Set<string> | null {
  if (!n) return null;
  if (n.kind === "and") {
    const [a, b] = [typesOf(n.left), typesOf(n.right)];
    return a && b ? new Set([...a].filter((t) => b.has(t))) : (a ?? b);
  }
  if (n.kind === "or") {
    const [a, b] = [typesOf(n.left), typesOf(n.right)];
    return a && b ? new Set([...a, ...b]) : null;
  }
  if (n.kind === "cmp" && n.field === "type" && (n.op === "=" || n.op === "in")) return new Set(n.values.map(String));
  return null;
}

export function* docs(store: Store, types: Set<string> | null = null): Iterable<Doc> {
  const want = (t: string) => !types || types.has(t);
  if (want("page") || want("blogpost") || want("folder")) {
    for (const c of store.contentList) if (want(c.type)) yield { ...c, content: c };
  }
  if (want("attachment")) {
    for (const a of store.attachmentList) {
      const c = store.contents.get(a.containerId);
      if (!c) continue;
      yield {
        id: a.id,
        type: "attachment",
        status: a.status,
        spaceId: c.spaceId,
        title: a.fileName,
        createdAt: a.createdAt,
        modifiedAt: a.modifiedAt,
        authorId: a.authorId,
        versionAuthorId: a.authorId,
        parentId: c.id,
        labels: [],
        content: c,
        attachment: a,
      };
    }
  }
  if (want("comment")) {
    for (const m of store.commentList) {
      const c = store.contents.get(m.containerId);
      if (!c) continue;
      yield {
        id: m.id,
        type: "comment",
        status: m.status,
        spaceId: c.spaceId,
        title: `Re: ${c.title}`,
        createdAt: m.createdAt,
        modifiedAt: m.modifiedAt,
        authorId: m.authorId,
        versionAuthorId: m.authorId,
        parentId: c.id,
        labels: [],
        content: c,
        comment: m,
      };
    }
  }
}

const str = (v: CqlValue) => (typeof v === "object" ? `${v.fn}()` : String(v));

function fieldValue(store: Store, d: Doc, field: string): string | number | null {
  switch (field) {
    case "type":
      return d.type;
    case "space":
    case "space.key":
      return store.spaces.get(d.spaceId)?.key ?? null;
    case "space.id":
      return d.spaceId;
    case "space.type":
      return store.spaces.get(d.spaceId)?.type ?? null;
    case "id":
    case "content":
      return d.id;
    case "title":
      return d.title;
    case "parent":
    case "container":
      return d.parentId;
    case "creator":
      return d.authorId;
    case "contributor":
      return d.versionAuthorId;
    case "lastmodified":
    case "lastmodifieddate":
      return d.modifiedAt;
    case "created":
    case "createddate":
      return d.createdAt;
    default:
      throw new HttpError(400, `CQL field not supported by the simulator: ${field}`);
  }
}

/** Ancestors of a doc: a page's ancestors; an attachment's or comment's container and its ancestors. */
function ancestorIds(store: Store, d: Doc): number[] {
  const chain = store.ancestors(d.content).map((a) => a.id);
  return d.attachment || d.comment ? [...chain, d.content.id] : chain;
}

export function matches(store: Store, d: Doc, n: CqlNode): boolean {
  if (n.kind === "and") return matches(store, d, n.left) && matches(store, d, n.right);
  if (n.kind === "or") return matches(store, d, n.left) || matches(store, d, n.right);
  if (n.kind === "not") return !matches(store, d, n.node);
  const { field, op, values } = n;
  const negated = op === "!=" || op === "not in";
  if (field === "ancestor") {
    const ids = new Set(values.map((v) => Number(str(v))));
    return ancestorIds(store, d).some((id) => ids.has(id)) !== negated;
  }
  if (field === "label") {
    const names = new Set(values.map(str));
    return d.labels.some((id) => names.has(store.labels.get(id)?.name ?? "")) !== negated;
  }
  if (field === "text" || (field === "title" && (op === "~" || op === "!~"))) {
    const needle = str(values[0]).toLowerCase().replace(/\*/g, "");
    return d.title.toLowerCase().includes(needle) !== (op === "!~");
  }
  const a = fieldValue(store, d, field);
  const norm = (v: CqlValue): string | number => (typeof a === "number" && /^\d+$/.test(str(v)) ? Number(str(v)) : typeof v === "number" ? v : str(v));
  if (a === null) return negated;
  const isDate = field.startsWith("lastmodified") || field.startsWith("created");
  switch (op) {
    case "=":
      return isDate ? Math.floor(Number(a) / 60000) === Math.floor(Number(values[0]) / 60000) : a === norm(values[0]);
    case "!=":
      return a !== norm(values[0]);
    case "in":
      return values.some((v) => a === norm(v));
    case "not in":
      return !values.some((v) => a === norm(v));
    case ">":
      return a > norm(values[0]);
    case ">=":
      return a >= norm(values[0]);
    case "<":
      return a < norm(values[0]);
    case "<=":
      return a <= norm(values[0]);
    default:
      throw new HttpError(400, `Unsupported CQL operator ${op} for ${field}`);
  }
}

/** v1 content JSON for any doc. */
export function docJson(sim: SimState, d: Doc, expand: Set<string>, prefix = ""): Record<string, unknown> {
  if (!d.attachment && !d.comment) return v1Content(sim, d.content, expand, prefix);
  const c = d.content;
  const container = { id: String(c.id), type: c.type, status: c.status, title: c.title, _links: { webui: webui(sim.store, c) } };
  const author = sim.store.users.get(d.authorId);
  const version = expand.has(prefix + "version")
    ? {
        version: {
          by: author ? v1User(sim, author) : null,
          when: iso(d.modifiedAt),
          number: d.attachment?.version ?? d.comment?.version ?? 1,
          minorEdit: false,
        },
      }
    : {};
  if (d.attachment) {
    const a = d.attachment;
    return {
      id: `att${a.id}`,
      type: "attachment",
      status: a.status,
      title: a.fileName,
      container,
      ...version,
      metadata: { mediaType: a.mediaType },
      extensions: { mediaType: a.mediaType, fileSize: attachmentSize(sim.store, a), comment: a.comment, fileId: a.fileId },
      _links: { webui: `/pages/viewpageattachments.action?pageId=${c.id}`, download: downloadPath(a), self: `${sim.url}/wiki/rest/api/content/att${a.id}` },
    };
  }
  const m = d.comment!;
  return {
    id: String(m.id),
    type: "comment",
    status: m.status,
    title: d.title,
    container,
    ...version,
    extensions: {
      location: m.kind,
      ...(m.kind === "inline" ? { inlineProperties: { originalSelection: m.selection }, resolution: { status: m.resolutionStatus } } : {}),
    },
    ...(expand.has(prefix + "body.storage") ? { body: { storage: { value: renderCommentBody(sim.store, m), representation: "storage" } } } : {}),
    _links: { webui: `${webui(sim.store, c)}?focusedCommentId=${m.id}#comment-${m.id}`, self: `${sim.url}/wiki/rest/api/content/${m.id}` },
  };
}
