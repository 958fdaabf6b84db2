export { authOptions } from "./options";
export { currentUser, requireUser, requireAdmin } from "./current-user";
export { authenticateRequest, assertAdmin, type RequestActor, type AuthMethod } from "./request-auth";
export { claimFirstAdmin, createFirstAdmin, createUser, findUserById, hasAnyUser, verifyCredentials, type UserSummary } from "./users";
export { listUsers, updateUser, deleteUser, resetUserPassword, revokeUserApiKeys, type ManagedUser } from "./manage-users";
export { signInWithPassword, SignInRefusedError } from "./sign-in";
export { createApiKey, listApiKeys, revokeApiKey, findUserByApiKey, type ApiKeySummary } from "./api-keys";
export * from "./schemas";
