import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, openSecret, sealSecret, SecretDecryptionError, type Keyring } from "./secret-box";

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (active: string, ...ids: string[]): Keyring => ({
  activeKeyId: active,
  keys: new Map(ids.map((id) => [id, id === "k1" ? k1 : k2])),
});

describe("secret box", () => {
  it("round-trips a secret and never stores the plaintext", () => {
    const stored = sealSecret("ATATT3x-secret-token", ring("k1", "k1"));
    expect(stored).not.toContain("ATATT3x");
    expect(openSecret(stored, ring("k1", "k1"))).toBe("ATATT3x-secret-token");
  });

  it("uses a fresh nonce for every value", () => {
    const a = sealSecret("same", ring("k1", "k1"));
    const b = sealSecret("same", ring("k1", "k1"));
    expect(a).not.toBe(b);
  });

  it("keeps decrypting values sealed with an older key after rotation", () => {
    const old = sealSecret("old value", ring("k1", "k1"));
    const rotated = ring("k2", "k2", "k1");
    expect(openSecret(old, rotated)).toBe("old value");
    expect(keyIdOf(sealSecret("new value", rotated))).toBe("k2");
  });

  it("rejects a tampered value", () => {
    const stored = sealSecret("secret", ring("k1", "k1"));
    const parts = stored.split(":");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 0xff;
    parts[3] = body.toString("base64url");
    expect(() => openSecret(parts.join(":"), ring("k1", "k1"))).toThrow(SecretDecryptionError);
  });

  it("rejects a value moved to another context", () => {
    const stored = sealSecret("secret", ring("k1", "k1"), "connector:a:apiToken");
    expect(() => openSecret(stored, ring("k1", "k1"), "connector:b:apiToken")).toThrow(/integrity/);
  });

  it("names the missing key when a value's key is not configured", () => {
    const stored = sealSecret("secret", ring("k1", "k1"));
    expect(() => openSecret(stored, ring("k2", "k2"))).toThrow(/key "k1"/);
  });
});
