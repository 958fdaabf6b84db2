import { z } from "zod";

/**
 * REST API v2 shapes the sync relies on. Strict on the fields we use (present, right type),
 * silent about the rest (zod strips unknown keys). Enumerations such as space `type` stay
 * strings: Confluence adds values (e.g. `knowledge_base`) and a new one must not stop a sync.
 * The spec marks no field of any of these schemas required, so only what the sync cannot do
 * without is required here (ids, the space key, the placing ids, version numbers); everything
 * else is `nullish` and the mapper falls back (lib/sync/map-items.ts). A stricter schema once
 * dropped every space of a site that omitted `_links`.
 */
const ZId = z.string().min(1);
const ZInstant = z.iso.datetime({ offset: true });
const ZWebUiLinks = z.object({ webui: z.string().nullish() }).nullish();

export const ZVersion = z.object({
  number: z.number().int(),
  createdAt: ZInstant.nullish(),
  authorId: z.string().nullish(),
  message: z.string().nullish(),
  minorEdit: z.boolean().nullish(),
});
export type Version = z.output<typeof ZVersion>;

/** Only the storage representation is used (requested with `body-format=storage`). */
export const ZStorageBody = z.object({ storage: z.object({ value: z.string() }).nullish() });

export const ZSpace = z.object({
  id: ZId,
  key: z.string().min(1),
  name: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  homepageId: z.string().nullish(),
  authorId: z.string().nullish(),
  createdAt: ZInstant.nullish(),
  _links: ZWebUiLinks,
});
export type Space = z.output<typeof ZSpace>;

export const ZPage = z.object({
  id: ZId,
  status: z.string().nullish(),
  title: z.string().nullish(),
  spaceId: ZId,
  parentId: z.string().nullish(),
  parentType: z.string().nullish(),
  position: z.number().nullish(),
  authorId: z.string().nullish(),
  ownerId: z.string().nullish(),
  createdAt: ZInstant.nullish(),
  version: ZVersion,
  body: ZStorageBody.nullish(),
  _links: ZWebUiLinks,
});
export type Page = z.output<typeof ZPage>;

export const ZBlogPost = z.object({
  id: ZId,
  status: z.string().nullish(),
  title: z.string().nullish(),
  spaceId: ZId,
  authorId: z.string().nullish(),
  createdAt: ZInstant.nullish(),
  version: ZVersion,
  body: ZStorageBody.nullish(),
  _links: ZWebUiLinks,
});
export type BlogPost = z.output<typeof ZBlogPost>;

/** Folders carry no spaceId in v2; the tree position comes from parentId/parentType. */
export const ZFolder = z.object({
  id: ZId,
  type: z.string().nullish(),
  status: z.string().nullish(),
  title: z.string().nullish(),
  parentId: z.string().nullish(),
  parentType: z.string().nullish(),
  authorId: z.string().nullish(),
  createdAt: ZInstant.nullish(),
  version: ZVersion.nullish(),
  _links: ZWebUiLinks,
});
export type Folder = z.output<typeof ZFolder>;

const commentFields = {
  id: ZId,
  status: z.string().nullish(),
  title: z.string().nullish(),
  pageId: z.string().nullish(),
  blogPostId: z.string().nullish(),
  parentCommentId: z.string().nullish(),
  version: ZVersion,
  body: ZStorageBody.nullish(),
  _links: ZWebUiLinks,
};

export const ZFooterComment = z.object({ ...commentFields, attachmentId: z.string().nullish() });
export type FooterComment = z.output<typeof ZFooterComment>;

export const ZInlineComment = z.object({
  ...commentFields,
  resolutionStatus: z.string().nullish(),
  resolutionLastModifierId: z.string().nullish(),
  resolutionLastModifiedAt: ZInstant.nullish(),
  properties: z
    .object({
      inlineMarkerRef: z.string().nullish(),
      inlineOriginalSelection: z.string().nullish(),
    })
    .nullish(),
});
export type InlineComment = z.output<typeof ZInlineComment>;

export const ZAttachment = z.object({
  id: ZId,
  status: z.string().nullish(),
  title: z.string().nullish(),
  mediaType: z.string().nullish(),
  fileSize: z.number().int().nonnegative().nullish(),
  fileId: z.string().nullish(),
  /** Relative to the `/wiki` context (`/download/attachments/...`); pass it to `client.download`. Else `_links.download`. */
  downloadLink: z.string().min(1).nullish(),
  pageId: z.string().nullish(),
  blogPostId: z.string().nullish(),
  comment: z.string().nullish(),
  createdAt: ZInstant.nullish(),
  version: ZVersion,
  _links: z.object({ webui: z.string().nullish(), download: z.string().nullish() }).nullish(),
});
export type Attachment = z.output<typeof ZAttachment>;

export const ZLabel = z.object({ id: ZId, name: z.string().min(1), prefix: z.string().nullish() });
export type Label = z.output<typeof ZLabel>;

export const ZSpacePermission = z.object({
  id: z.string().nullish(),
  principal: z.object({ type: z.string(), id: z.string() }),
  operation: z.object({ key: z.string(), targetType: z.string() }),
});
export type SpacePermission = z.output<typeof ZSpacePermission>;

/** `GET /wiki/api/v2/spaces/{id}/role-assignments`: who holds a space role (USER, GROUP or ACCESS_CLASS). */
export const ZSpaceRoleAssignment = z.object({
  principal: z.object({ principalType: z.string(), principalId: z.string() }),
  roleId: z.string(),
});
export type SpaceRoleAssignment = z.output<typeof ZSpaceRoleAssignment>;

/** `email` is empty or absent when the user hides it. */
export const ZUser = z.object({
  accountId: ZId,
  displayName: z.string().nullish(),
  email: z.string().nullish(),
  accountType: z.string().nullish(),
  accountStatus: z.string().nullish(),
});
export type User = z.output<typeof ZUser>;

/** `POST /wiki/api/v2/users-bulk` (MultiEntityResult<User>). */
export const ZUsersBulk = z.object({ results: z.array(ZUser) });
