import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** A keyring: the active key encrypts; every listed key can still decrypt (rotation). */
export interface Keyring {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

const FORMAT = "v1";
const NONCE_BYTES = 12;

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. The stored form is
 * `v1:<keyId>:<nonce>:<ciphertext+tag>` (base64url), so the key id travels with the value.
 */
export function sealSecret(plaintext: string, keyring: Keyring, context = ""): string {
  const key = keyring.keys.get(keyring.activeKeyId);
  if (!key) throw new Error(`the active encryption key "${keyring.activeKeyId}" is not in the keyring`);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(`${FORMAT}:${keyring.activeKeyId}:${context}`));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT, keyring.activeKeyId, nonce.toString("base64url"), sealed.toString("base64url")].join(":");
}

export function openSecret(stored: string, keyring: Keyring, context = ""): string {
  const [format, keyId, nonceText, sealedText] = stored.split(":");
  if (format !== FORMAT || !keyId || !nonceText || !sealedText) {
    throw new SecretDecryptionError("the stored secret is not in a known format");
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new SecretDecryptionError(`the secret was encrypted with key "${keyId}", which is not configured`);
  const sealed = Buffer.from(sealedText, "base64url");
  if (sealed.length < 16) throw new SecretDecryptionError("the stored secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonceText, "base64url"));
  decipher.setAAD(Buffer.from(`${format}:${keyId}:${context}`));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("the stored secret failed its integrity check (tampered, or the wrong key)");
  }
}

/** The key id a stored value was sealed with, to find values that still need re-encryption. */
export function keyIdOf(stored: string): string | undefined {
  return stored.split(":")[1];
}
