import { dcFeatures } from "../../confluence";
import { SPACE_BATCH } from "../advance";
import { keepBlogPosts, keepChildrenOfSynced, keepPages } from "../filters";
import type { StepContext } from "../step-context";
import { modifiedSinceDc, spaceInClause } from "./cql";
import { offsetPage, scanPage, type DcPage } from "./list-page";
import { dcListingStep } from "./listing-step";
import { mapDcAttachment, mapDcComment, mapDcDocument } from "./map";

/**
 * The Data Center content listings. Full runs walk each space by key: `/content/scan` where the
 * server has it (pages since 7.18, blog posts and comments since 8.3), else `/content` by
 * start/limit. Incremental runs ask one CQL search per 100 spaces for what changed since the last
 * run (in the server's time zone, with an overlap). Comments and attachments are searched by CQL
 * per 100 spaces (full runs without comment scan, and always for attachments).
 */
const DOCUMENT_EXPAND = "body.storage,version,history,ancestors,space,metadata.labels";
const COMMENT_EXPAND = "body.storage,version,history,ancestors,container,extensions.inlineProperties,extensions.resolution";
const ATTACHMENT_EXPAND = "version,history,container,metadata";
// The server caps a page with bodies at 50 whatever is asked; asking for more costs nothing.
const LIMIT = 100;
// Incremental searches include the trash, so what was trashed since the last run leaves the store.
const statusesFor = (ctx: StepContext) => JSON.stringify({ contentStatuses: incremental(ctx) ? ["current", "archived", "trashed"] : ["current", "archived"] });

const features = (ctx: StepContext) => dcFeatures(ctx.site.deployment === "datacenter" ? ctx.site.version : null);
const incremental = (ctx: StepContext) => ctx.kind === "incremental" && ctx.checkpoint.since !== null;

function search(ctx: StepContext, type: string, keys: string[], expand: string, cursor: string | null, limit = LIMIT): Promise<DcPage> {
  const zone = ctx.site.deployment === "datacenter" ? ctx.site.timeZone : null;
  const since = incremental(ctx) ? ` and ${modifiedSinceDc(ctx.checkpoint.since!, zone)}` : "";
  const cql = `type = ${type} and ${spaceInClause(keys)}${since} order by id`;
  return offsetPage(ctx, "/rest/api/content/search", { cql, expand, limit, cqlcontext: statusesFor(ctx) }, cursor);
}

function documents(type: "page" | "blogpost") {
  const scans = (ctx: StepContext) => (type === "page" ? features(ctx).scanPages : features(ctx).scanBlogPosts);
  const status = type === "page" ? "current,archived" : "current";
  return dcListingStep({
    name: type === "page" ? "pages" : "blogposts",
    phase: "fetching_content",
    types: [type],
    spacesPerUnit: (ctx) => (incremental(ctx) ? SPACE_BATCH : 1),
    fetch: (ctx, keys, cursor) => {
      if (incremental(ctx)) return search(ctx, type, keys, DOCUMENT_EXPAND, cursor);
      const query = { type, spaceKey: keys[0]!, status, expand: DOCUMENT_EXPAND, limit: LIMIT };
      return scans(ctx) ? scanPage(ctx, query, cursor) : offsetPage(ctx, "/rest/api/content", query, cursor);
    },
    map: (raw, baseUrl) => mapDcDocument(raw, baseUrl, type),
    keep: type === "page" ? keepPages : keepBlogPosts,
    removeStatuses: ["trashed"],
  });
}

export const dcPagesStep = documents("page");
export const dcBlogPostsStep = documents("blogpost");

export const dcCommentsStep = dcListingStep({
  name: "comments",
  phase: "fetching_content",
  types: ["footer_comment", "inline_comment"],
  spacesPerUnit: (ctx) => (!incremental(ctx) && features(ctx).scanBlogPosts ? 1 : SPACE_BATCH),
  fetch: (ctx, keys, cursor) =>
    !incremental(ctx) && features(ctx).scanBlogPosts
      ? scanPage(ctx, { type: "comment", spaceKey: keys[0]!, expand: COMMENT_EXPAND, limit: LIMIT }, cursor)
      : search(ctx, "comment", keys, COMMENT_EXPAND, cursor),
  map: mapDcComment,
  keep: keepChildrenOfSynced,
});

export const dcAttachmentsStep = dcListingStep({
  name: "attachments",
  phase: "listing",
  types: ["attachment"],
  spacesPerUnit: () => SPACE_BATCH,
  // No bodies: the server gives up to 200 a page.
  fetch: (ctx, keys, cursor) => search(ctx, "attachment", keys, ATTACHMENT_EXPAND, cursor, 200),
  map: mapDcAttachment,
  keep: keepChildrenOfSynced,
});
