import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { db } from "../db";
import { userSummary, type UserSummary } from "./users";

const KEY_PREFIX = "cck_";

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

// Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it once; only its hash is stored. */
export async function createApiKey(userId: string, name: string): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const apiKey = await db().apiKey.create({
    data: { userId, name, prefix: key.slice(0, KEY_PREFIX.length + 6), keyHash: hashKey(key) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
  return { key, apiKey };
}

export function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return db().apiKey.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiKey(userId: string, keyId: string): Promise<void> {
  const { count } = await db().apiKey.updateMany({
    where: { id: keyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such API key.");
}

/** The owner of a valid, unrevoked key, or null (also while the owner is disabled). */
export async function findUserByApiKey(key: string): Promise<UserSummary | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const found = await db().apiKey.findUnique({
    where: { keyHash: hashKey(key) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: userSummary },
    },
  });
  if (!found || found.revokedAt || found.user.disabledAt) return null;
  // Touch at most once a minute so busy scripts do not write on every call.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return found.user;
}
