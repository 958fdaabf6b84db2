/**
 * Confluence Cloud over HTTP for one connector: a paced, retrying client (`createConfluenceClient`),
 * typed upstream errors, zod schemas of the responses the sync relies on, setup-form helpers
 * (`verifyCredentials`, `listAllSpaces`) and the OAuth 2.0 (3LO) protocol calls.
 */
export { createConfluenceClient, type ConfluenceClient, type ConfluenceClientOptions, type CallOptions, type DownloadOptions } from "./client";
export type { ConfluenceAuth, BasicAuth, OAuthAuth, PersonalAccessTokenAuth, PasswordAuth } from "./auth";
export type { ListPage } from "./parse-response";
export type { ClientStats } from "./stats";
export type { RateLimitInfo } from "./rate-limit-headers";
export type { Query, QueryValue } from "./query";
export {
  ConfluenceError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  InvalidRequestError,
  RateLimitedError,
  UpstreamUnavailableError,
  SiteUnreachableError,
  ResponseShapeError,
  DestinationRefusedError,
  RedirectRefusedError,
  ResponseTooLargeError,
  ResponseTimeoutError,
  toAppError,
  type ShapeProblem,
} from "./errors";
export * from "./schemas";
export * from "./schemas-v1";
export { verifyCredentials } from "./verify-credentials";
export { listAllSpaces, listAllDcSpaces, type SpaceChoice } from "./list-spaces";
export {
  buildAuthorizeUrl,
  createPkcePair,
  exchangeCode,
  exchangeCodeOnce,
  refreshTokens,
  fetchAccessibleResources,
  fetchMyAccount,
  InvalidGrantError,
  OAuthRequestError,
  DEFAULT_AUTH_BASE_URL,
  type OAuthTokens,
  type AccessibleResource,
} from "./oauth";
export { CONFLUENCE_OAUTH_SCOPES, CONFLUENCE_CLASSIC_SCOPES, CONFLUENCE_GRANULAR_SCOPES } from "./oauth-scopes";
export * from "./schemas-dc";
export { verifyDcCredentials, readDcSiteInfo, dcFeatures, type DcSiteInfo, type DcFeatures, type DcCredentialCheck } from "./dc-site";
