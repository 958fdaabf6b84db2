// Permissions: Confluence's view rule over the mirrored users, groups, space grants and read
// restrictions (written by lib/sync's permissions step), as one SQL predicate for every query.
export { visibleTo, viewerCte, decidingNodes, type Viewer } from "./visible-to";
export { viewerOf, viewerFor, accessContext, memberAccessSummary, type AccessContext, type MemberAccessSummary } from "./viewer";
export {
  findConfluenceUsers,
  linkAccount,
  unlinkAccount,
  ZConfluenceUserQuery,
  ZLinkAccountInput,
  type ConfluenceUserOption,
  type LinkAccountInput,
} from "./account-links";
export { permissionStats, type PermissionStats } from "./stats";
export { whoCanSee, canPersonSee, type WhoCanSee, type PersonCheck, type DecidingLayer, type SpaceGrant, type Principal } from "./who-can-see";
export type { AudienceMatch } from "./audience-access";
export { ZRecordAccessParams, ZRecordAccessQuery } from "./schemas";
