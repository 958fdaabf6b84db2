export { authOptions } from "./options";
export { currentUser, requireUser, requireAdmin } from "./current-user";
export { authenticateRequest, assertAdmin, type RequestActor, type AuthMethod } from "./request-auth";
export { createFirstAdmin, createUser, listUsers, findUserById, hasAnyUser, verifyCredentials, type UserSummary } from "./users";
export { createApiKey, listApiKeys, revokeApiKey, findUserByApiKey, type ApiKeySummary } from "./api-keys";
export * from "./schemas";
