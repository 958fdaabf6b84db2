import { serverEnv } from "../env";
import { openSecret, sealSecret } from "./secret-box";

export { sealSecret, openSecret, keyIdOf, SecretDecryptionError, type Keyring } from "./secret-box";

/**
 * Encrypts a secret (API token, client secret, OAuth token) with the configured active key.
 * `context` binds the value to where it is stored (e.g. "connector:<id>:apiToken") so a
 * ciphertext copied to another row does not decrypt there.
 */
export function encryptSecret(plaintext: string, context = ""): string {
  return sealSecret(plaintext, serverEnv().ENCRYPTION_KEYS, context);
}

export function decryptSecret(stored: string, context = ""): string {
  return openSecret(stored, serverEnv().ENCRYPTION_KEYS, context);
}
