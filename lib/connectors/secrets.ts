import { decryptSecret, encryptSecret, SecretDecryptionError } from "../crypto";
import { AppError } from "../errors";

/**
 * Each stored secret is bound to its row and column, so a ciphertext copied elsewhere
 * does not decrypt (lib/crypto's context).
 */
export type SecretField = "apiToken" | "oauthClientSecret" | "accessToken" | "refreshToken" | "oauthAppClientSecret" | "pkceVerifier";

/**
 * Every encrypted column, for `npm run rotate-keys`. A test compares it with the database's
 * `*_enc` columns, so a new encrypted column cannot be left out of rotation.
 */
export const ENCRYPTED_COLUMNS: readonly { table: string; idColumn: string; column: string; field: SecretField }[] = [
  { table: "connectors", idColumn: "id", column: "api_token_enc", field: "apiToken" },
  { table: "connectors", idColumn: "id", column: "oauth_client_secret_enc", field: "oauthClientSecret" },
  { table: "oauth_tokens", idColumn: "connector_id", column: "access_token_enc", field: "accessToken" },
  { table: "oauth_tokens", idColumn: "connector_id", column: "refresh_token_enc", field: "refreshToken" },
  { table: "oauth_apps", idColumn: "id", column: "client_secret_enc", field: "oauthAppClientSecret" },
  // Short-lived (an OAuth state lives minutes), but rotated like the rest so no value stays on an old key.
  { table: "oauth_states", idColumn: "state_hash", column: "code_verifier_enc", field: "pkceVerifier" },
];

export function secretContext(field: SecretField, ownerId: string): string {
  return `${field}:${ownerId}`;
}

export function sealField(field: SecretField, ownerId: string, value: string): string {
  return encryptSecret(value, secretContext(field, ownerId));
}

/** The sentence an administrator sees when a stored secret cannot be opened with the configured keys. */
export function unreadableSecretMessage(field: SecretField, reason: string): string {
  const what = field === "oauthAppClientSecret" ? "This OAuth app's stored client secret cannot" : "This connector's stored credentials cannot";
  return `${what} be decrypted with the configured keys: ${reason}. Add the missing key to ENCRYPTION_KEYS, or enter the credentials again.`;
}

export function openField(field: SecretField, ownerId: string, stored: string): string {
  try {
    return decryptSecret(stored, secretContext(field, ownerId));
  } catch (err) {
    if (err instanceof SecretDecryptionError) throw new AppError("CREDENTIALS_UNREADABLE", unreadableSecretMessage(field, err.message));
    throw err;
  }
}
