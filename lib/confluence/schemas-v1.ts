import { z } from "zod";

/**
 * REST API v1 shapes (not in the v2 OpenAPI file): read restrictions, groups and CQL search.
 * v1 restriction lists page with start/limit/size; the sync follows them when size == limit.
 */
const ZOffsetPage = {
  start: z.number().int().nullish(),
  limit: z.number().int().nullish(),
  size: z.number().int().nullish(),
  totalSize: z.number().int().nullish(),
};

/**
 * A v1 user (group members, restriction subjects). `email` is empty or absent when hidden;
 * `accountStatus` may be absent (then the account counts as active); a closed account is
 * shown as "Former user" and is still keyed by its accountId.
 */
export const ZV1User = z.object({
  accountId: z.string().min(1),
  displayName: z.string().nullish(),
  publicName: z.string().nullish(),
  email: z.string().nullish(),
  accountType: z.string().nullish(),
  accountStatus: z.string().nullish(),
});
export type V1User = z.output<typeof ZV1User>;

/** A v1 start/limit list envelope; items are parsed one by one by the caller. */
export const ZV1List = z.object({ results: z.array(z.unknown()), ...ZOffsetPage, _links: z.object({ next: z.string().nullish() }).passthrough().nullish() });

export const ZGroup = z.object({ id: z.string().min(1), name: z.string().min(1), type: z.string().nullish() });
export type Group = z.output<typeof ZGroup>;

/** `GET /wiki/rest/api/content/{id}/restriction/byOperation/read`: direct restrictions only. */
export const ZContentRestrictionRead = z.object({
  operation: z.string().nullish(),
  restrictions: z.object({
    user: z.object({ results: z.array(ZV1User), ...ZOffsetPage }),
    group: z.object({ results: z.array(z.object({ name: z.string().min(1), id: z.string().nullish() })), ...ZOffsetPage }),
  }),
});
export type ContentRestrictionRead = z.output<typeof ZContentRestrictionRead>;

/** v1 content as returned inside CQL results (fields present depend on `expand`). */
export const ZV1Content = z.object({
  id: z.string().min(1),
  type: z.string().nullish(),
  status: z.string().nullish(),
  title: z.string().nullish(),
  space: z.object({ id: z.union([z.string(), z.number()]).nullish(), key: z.string() }).nullish(),
  version: z.object({ number: z.number().int(), when: z.string().nullish(), by: z.object({ accountId: z.string().nullish() }).nullish() }).nullish(),
  history: z.object({ createdDate: z.string().nullish(), createdBy: z.object({ accountId: z.string().nullish() }).nullish() }).nullish(),
  ancestors: z.array(z.object({ id: z.string(), type: z.string().nullish() })).nullish(),
  _links: z.object({ webui: z.string().nullish() }).nullish(),
});
export type V1Content = z.output<typeof ZV1Content>;

/** One result of `GET /wiki/rest/api/search?cql=...` (content results carry `content`). */
export const ZCqlSearchResult = z.object({
  content: ZV1Content.nullish(),
  title: z.string(),
  entityType: z.string().nullish(),
  lastModified: z.string().nullish(),
  url: z.string().nullish(),
});
export type CqlSearchResult = z.output<typeof ZCqlSearchResult>;
