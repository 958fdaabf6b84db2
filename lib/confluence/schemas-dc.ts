import { z } from "zod";

/**
 * Confluence Data Center REST API shapes (`<base>/rest/api`, v1 style): only the fields the sync
 * relies on are required; what the server may leave out (most of it) is optional. People are
 * named by user key and username; there are no account ids.
 */
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

/** `GET /rest/api/user/current`: `type` is "anonymous" when the server did not take the credentials. */
export const ZDcCurrentUser = z.object({
  type: z.string().nullish(),
  userKey: z.string().nullish(),
  username: z.string().nullish(),
  displayName: z.string().nullish(),
});

/** A start/limit envelope (spaces, content, CQL search); `size` is what came back, whatever limit was asked. */
export const ZDcList = z.object({
  results: z.array(z.unknown()),
  start: z.number().int().nullish(),
  limit: z.number().int().nullish(),
  size: z.number().int().nullish(),
  totalSize: z.number().int().nullish(),
  _links: z.object({ next: z.string().nullish() }).passthrough().nullish(),
});

/** `GET /rest/api/content/scan`: pages by cursor. */
export const ZDcScanPage = z.object({
  results: z.array(z.unknown()),
  nextCursor: z.string().nullish(),
  size: z.number().int().nullish(),
  _links: z.object({ next: z.string().nullish() }).passthrough().nullish(),
});

export const ZDcSpace = z.object({
  id,
  key: z.string().min(1),
  name: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  _links: z.object({ webui: z.string().nullish() }).nullish(),
});

const ZDcPerson = z.object({ userKey: z.string().nullish(), username: z.string().nullish() }).nullish();
const ZDcRef = z.object({ id, type: z.string().nullish() });

/** A page, blog post, comment or attachment, with what `expand` brought. */
export const ZDcContent = z.object({
  id,
  type: z.string().min(1),
  status: z.string().nullish(),
  title: z.string().nullish(),
  space: z.object({ id: id.nullish(), key: z.string().nullish() }).nullish(),
  version: z.object({ number: z.number().int(), when: z.string().nullish(), by: ZDcPerson }),
  history: z.object({ createdDate: z.string().nullish(), createdBy: ZDcPerson }).nullish(),
  ancestors: z.array(ZDcRef).nullish(),
  container: ZDcRef.nullish(),
  body: z.object({ storage: z.object({ value: z.string() }).nullish() }).nullish(),
  metadata: z
    .object({
      mediaType: z.string().nullish(),
      labels: z.object({ results: z.array(z.object({ name: z.string(), prefix: z.string().nullish() }).passthrough()) }).nullish(),
    })
    .nullish(),
  extensions: z
    .object({
      location: z.string().nullish(),
      mediaType: z.string().nullish(),
      fileSize: z.number().nullish(),
      inlineProperties: z.object({ originalSelection: z.string().nullish() }).nullish(),
      resolution: z.object({ status: z.string().nullish() }).nullish(),
    })
    .nullish(),
  _links: z.object({ webui: z.string().nullish(), download: z.string().nullish() }).nullish(),
});
export type DcContent = z.output<typeof ZDcContent>;

/** `/rest/applinks/1.0/manifest` (JSON when asked) and `/rest/api/settings/systemInfo`. */
export const ZDcManifest = z.object({ version: z.string().min(1), buildNumber: z.union([z.number(), z.string()]).nullish() });
export const ZDcSystemInfo = z.object({ version: z.string().nullish(), defaultTimeZone: z.string().nullish() });

/** A person as Data Center names them: by user key (stable) and username; emails live elsewhere. */
export const ZDcUser = z.object({
  type: z.string().nullish(),
  userKey: z.string().min(1),
  username: z.string().nullish(),
  displayName: z.string().nullish(),
});
export type DcUser = z.output<typeof ZDcUser>;

/** Data Center groups have no id: the name is the key. */
export const ZDcGroup = z.object({ name: z.string().min(1) });

/** `/rest/mobile/1.0/profile/{username}`: the one place with an email (absent when the user hides it). */
export const ZDcProfile = z.object({ email: z.string().nullish() });

const ZDcSubjects = <T extends z.ZodType>(item: T) =>
  z.object({ results: z.array(item), start: z.number().int().nullish(), limit: z.number().int().nullish(), size: z.number().int().nullish() });

/** `/rest/api/content/{id}/restriction/byOperation/read`: restrictions set on that content only. */
export const ZDcRestrictionRead = z.object({
  restrictions: z.object({ user: ZDcSubjects(ZDcUser), group: ZDcSubjects(ZDcGroup) }),
});

/** One entry of `/rest/api/space/{key}/permissions` (9.1+, administrators only). */
export const ZDcSpacePermission = z.object({
  operation: z.object({ targetType: z.string(), operationKey: z.string() }),
  subject: z.object({ type: z.string(), name: z.string().nullish(), userKey: z.string().nullish() }),
});
