import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import { createApiKey, findUserByApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { createFirstAdmin, createUser } from "./users";

describe("personal API keys", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  async function twoUsers() {
    const admin = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
    const member = await createUser({ name: "Bob", email: "bob@example.com", password: "another long password", role: "member" });
    return { admin, member };
  }

  it("authenticates its owner and stores only a hash", async () => {
    const { member } = await twoUsers();
    const { key, apiKey } = await createApiKey(member.id, "script");
    expect(key).toMatch(/^cck_[A-Za-z0-9_-]{43}$/);
    expect((await findUserByApiKey(key))?.id).toBe(member.id);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.keyHash).not.toContain(key.slice(4));
    expect(JSON.stringify(await listApiKeys(member.id))).not.toContain(key);
  });

  it("stops working once revoked, and only its owner can revoke it", async () => {
    const { admin, member } = await twoUsers();
    const { key, apiKey } = await createApiKey(member.id, "script");
    await expect(revokeApiKey(admin.id, apiKey.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findUserByApiKey(key)).not.toBeNull();
    await revokeApiKey(member.id, apiKey.id);
    expect(await findUserByApiKey(key)).toBeNull();
    expect(await listApiKeys(member.id)).toEqual([]);
  });

  it("rejects keys that were never issued", async () => {
    await twoUsers();
    expect(await findUserByApiKey("cck_" + "x".repeat(43))).toBeNull();
    expect(await findUserByApiKey("not-a-key")).toBeNull();
  });
});
