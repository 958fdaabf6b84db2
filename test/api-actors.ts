import { createApiKey, createFirstAdmin, createUser } from "../lib/auth";
import { resetDatabase } from "./db";

/**
 * A fresh store with an administrator (Ada) and a member (Mo), each with a personal API key:
 * what route tests call handlers with (`Authorization: Bearer <key>`).
 */
export async function adminAndMember() {
  await resetDatabase();
  const admin = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" });
  const member = await createUser({ name: "Mo", email: "mo@example.com", password: "correct horse battery", role: "member" });
  return {
    adminId: admin.id,
    adminKey: (await createApiKey(admin.id, "tests")).key,
    memberId: member.id,
    memberKey: (await createApiKey(member.id, "tests")).key,
  };
}
