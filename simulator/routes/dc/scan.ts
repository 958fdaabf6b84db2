import { hasFeature } from "../../dc/config";
import { HttpError } from "../../http/errors";
import type { Ctx } from "../../http/router";
import { dcRoute, statusFilter, type DcRouteDef } from "./common";
import { dcCommentJson, dcContentJson, parseExpand } from "./json";
import { envelopeLinks, limitCap, startLimit } from "./paging";
import { dc } from "./people-json";

/**
 * `/rest/api/content/scan` (7.18+ for pages, 8.3+ for blog posts and comments): pages through
 * content by id with a cursor (`content:false:<last id>` forward, `content:true:<first id>` back),
 * so deep or large spaces cost the same per page and edits between calls skip or repeat nothing.
 */
interface Item {
  id: number;
  json: () => unknown;
}

function parseCursor(raw: string | null): { back: boolean; id: number | null } {
  if (raw === null || raw === "") return { back: false, id: null };
  const m = /^(content|page|blogpost|comment):(true|false):(null|\d+)$/.exec(raw);
  if (!m) throw new HttpError(400, `Invalid cursor: ${raw}`);
  return { back: m[2] === "true", id: m[3] === "null" ? null : Number(m[3]) };
}

/** Index of the first element whose id is greater than `id` (lists are in ascending id order). */
function firstAfter(list: readonly { id: number }[], id: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function source(ctx: Ctx, type: string): { list: readonly { id: number }[]; accept: (i: number) => Item | null } {
  const store = ctx.sim.store;
  const status = statusFilter(ctx.query);
  const expand = parseExpand(ctx.query);
  const spaceKey = ctx.query.get("spaceKey");
  const space = spaceKey ? store.spaceByKey.get(spaceKey) : undefined;
  const inSpace = (spaceId: number) => !spaceKey || (!!space && space.id === spaceId);
  if (type === "comment") {
    const list = store.commentList;
    return {
      list,
      accept: (i) => {
        const m = list[i];
        const page = store.contents.get(m.containerId);
        return page && status(m.status) && inSpace(page.spaceId) && ctx.access.canReadContent(page)
          ? { id: m.id, json: () => dcCommentJson(ctx.sim, m, expand) }
          : null;
      },
    };
  }
  const list = store.contentList;
  return {
    list,
    accept: (i) => {
      const c = list[i];
      return c.type === type && status(c.status) && inSpace(c.spaceId) && ctx.access.canReadContent(c)
        ? { id: c.id, json: () => dcContentJson(ctx.sim, c, expand) }
        : null;
    },
  };
}

function scan(ctx: Ctx) {
  const q = ctx.query;
  const type = q.get("type") ?? "page";
  const allowed = hasFeature(dc(ctx.sim).config, "scanBlogpostsAndComments") ? ["page", "blogpost", "comment"] : ["page"];
  if (!allowed.includes(type)) throw new HttpError(400, `Scanning content of type ${type} is not supported`);
  const cursorRaw = q.get("cursor");
  const cursor = parseCursor(cursorRaw);
  const { requested } = startLimit(q, 25);
  const limit = Math.min(requested, limitCap(parseExpand(q)));
  const { list, accept } = source(ctx, type);
  const picked: Item[] = [];
  let more = false;
  let earlier = false;
  if (cursor.back) {
    for (let i = firstAfter(list, (cursor.id ?? 0) - 1) - 1; i >= 0; i--) {
      const item = accept(i);
      if (!item) continue;
      if (picked.length === limit) {
        earlier = true;
        break;
      }
      picked.unshift(item);
    }
    more = true;
  } else {
    for (let i = cursor.id === null ? 0 : firstAfter(list, cursor.id); i < list.length; i++) {
      const item = accept(i);
      if (!item) continue;
      if (picked.length === limit) {
        more = true;
        break;
      }
      picked.push(item);
    }
    earlier = cursor.id !== null && picked.length > 0;
  }
  const prefix = type === "page" ? "content" : type;
  const out: Record<string, unknown> = { results: picked.map((p) => p.json()), cursor: cursorRaw || `${prefix}:false:null` };
  const link = (c: string) => {
    const p = new URLSearchParams(q);
    p.set("cursor", c);
    p.set("limit", String(requested));
    return `${ctx.path}?${p.toString()}`;
  };
  const extra: Record<string, string> = {};
  const first = picked[0];
  const last = picked[picked.length - 1];
  if (more && last) {
    out.nextCursor = `content:false:${last.id}`;
    extra.next = link(out.nextCursor as string);
  }
  if (earlier && first) {
    out.prevCursor = `content:true:${first.id}`;
    extra.prev = link(out.prevCursor as string);
  }
  Object.assign(out, { limit, size: picked.length, _links: envelopeLinks(ctx, extra) });
  return { json: out, points: picked.length };
}

export const dcScanRoutes: DcRouteDef[] = [dcRoute("GET", "/rest/api/content/scan", scan, { since: "scan" })];
