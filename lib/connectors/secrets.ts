import { decryptSecret, encryptSecret } from "../crypto";

/**
 * Each stored secret is bound to its row and column, so a ciphertext copied elsewhere
 * does not decrypt (lib/crypto's context).
 */
type SecretField = "apiToken" | "oauthClientSecret" | "accessToken" | "refreshToken" | "oauthAppClientSecret" | "pkceVerifier";

export function sealField(field: SecretField, ownerId: string, value: string): string {
  return encryptSecret(value, `${field}:${ownerId}`);
}

export function openField(field: SecretField, ownerId: string, stored: string): string {
  return decryptSecret(stored, `${field}:${ownerId}`);
}
