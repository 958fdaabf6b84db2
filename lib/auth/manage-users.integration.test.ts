import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { disconnectDb } from "../db";
import { createApiKey, findUserByApiKey, listApiKeys } from "./api-keys";
import { deleteUser, listUsers, resetUserPassword, revokeUserApiKeys, updateUser } from "./manage-users";
import { signInWithPassword } from "./sign-in";
import { createFirstAdmin, createUser, findSessionUser } from "./users";

const address = "203.0.113.20";

async function team() {
  const ada = await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery staple" });
  const bob = await createUser({ name: "Bob", email: "bob@example.com", password: "member password 1234", role: "member" });
  return { ada, bob };
}

describe("administrators take access away", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("a disabled user's open session and API keys stop at the next request, and they cannot sign in", async () => {
    const { ada, bob } = await team();
    const signedInAt = Date.now() - 1000;
    const { key } = await createApiKey(bob.id, "script");
    expect(await findSessionUser(bob.id, signedInAt)).not.toBeNull();

    await updateUser(ada.id, bob.id, { disabled: true });
    expect(await findSessionUser(bob.id, signedInAt)).toBeNull();
    expect(await findUserByApiKey(key)).toBeNull();
    await expect(signInWithPassword(bob.email, "member password 1234", address)).rejects.toThrow("AccountDisabled");
    // A wrong password is still just wrong: being disabled is not revealed to a guesser.
    expect(await signInWithPassword(bob.email, "not bobs password at all", address)).toBeNull();

    await updateUser(ada.id, bob.id, { disabled: false });
    expect(await findSessionUser(bob.id, signedInAt)).toBeNull(); // the old session stays signed out
    expect(await findUserByApiKey(key)).not.toBeNull();
    expect(await signInWithPassword(bob.email, "member password 1234", address)).toMatchObject({ id: bob.id });
    expect(await findSessionUser(bob.id, Date.now())).not.toBeNull();
  });

  it("a role change applies to the open session at once", async () => {
    const { ada, bob } = await team();
    await updateUser(ada.id, bob.id, { role: "admin" });
    expect(await findSessionUser(bob.id, Date.now())).toMatchObject({ role: "admin" });
    await updateUser(bob.id, ada.id, { role: "member" });
    expect(await findSessionUser(ada.id, Date.now())).toMatchObject({ role: "member" });
  });

  it("a password reset signs the user out everywhere and only the new password works", async () => {
    const { ada, bob } = await team();
    const before = Date.now() - 1000;
    await resetUserPassword(ada.id, bob.id, "a brand new passphrase here");
    expect(await findSessionUser(bob.id, before)).toBeNull();
    expect(await signInWithPassword(bob.email, "member password 1234", address)).toBeNull();
    expect(await signInWithPassword(bob.email, "a brand new passphrase here", address)).toMatchObject({ id: bob.id });
    await expect(resetUserPassword(ada.id, bob.id, "password1234")).rejects.toMatchObject({
      status: 422,
      detail: [{ loc: ["body", "password"], msg: expect.stringMatching(/^This password is too easy to guess\./) }],
    });
  });

  it("an administrator revokes another user's API keys, one or all", async () => {
    const { ada, bob } = await team();
    const first = await createApiKey(bob.id, "one");
    const second = await createApiKey(bob.id, "two");
    await createApiKey(bob.id, "three");
    await revokeUserApiKeys(ada.id, bob.id, first.apiKey.id);
    expect(await findUserByApiKey(first.key)).toBeNull();
    expect(await findUserByApiKey(second.key)).not.toBeNull();
    expect(await revokeUserApiKeys(ada.id, bob.id)).toBe(2);
    expect(await listApiKeys(bob.id)).toEqual([]);
    expect((await listUsers()).find((u) => u.id === bob.id)?.activeApiKeys).toBe(0);
  });

  it("a deleted user's session and keys are gone", async () => {
    const { ada, bob } = await team();
    const { key } = await createApiKey(bob.id, "script");
    await deleteUser(ada.id, bob.id);
    expect(await findSessionUser(bob.id, Date.now())).toBeNull();
    expect(await findUserByApiKey(key)).toBeNull();
    await expect(deleteUser(ada.id, bob.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the last administrator cannot be made a member, disabled or deleted (409 with the reason)", async () => {
    const { ada } = await team();
    for (const change of [
      () => updateUser(ada.id, ada.id, { role: "member" }),
      () => updateUser(ada.id, ada.id, { disabled: true }),
      () => deleteUser(ada.id, ada.id),
    ]) {
      await expect(change()).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("Ada is the last active administrator"),
      });
    }
    expect(await findSessionUser(ada.id, Date.now())).toMatchObject({ role: "admin" });
  });

  it("a disabled administrator does not count: the other one is then the last", async () => {
    const { ada, bob } = await team();
    await updateUser(ada.id, bob.id, { role: "admin" });
    await updateUser(ada.id, bob.id, { disabled: true });
    await expect(updateUser(ada.id, ada.id, { role: "member" })).rejects.toMatchObject({ status: 409 });
  });

  it("two administrators demoting each other at the same moment leave one administrator", async () => {
    const { ada, bob } = await team();
    await updateUser(ada.id, bob.id, { role: "admin" });
    const results = await Promise.allSettled([updateUser(ada.id, bob.id, { role: "member" }), updateUser(bob.id, ada.id, { role: "member" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listUsers()).filter((u) => u.role === "admin")).toHaveLength(1);
  });

  it("finds people by a part of their name or email, any case, for the pickers", async () => {
    await createUser({ name: "Zoë Quill", email: "zq@example.com", password: "correct horse battery", role: "member" });
    await createUser({ name: "Quentin Blake", email: "qb@sample.org", password: "correct horse battery", role: "member" });
    expect((await listUsers({ q: "quI" })).map((u) => u.name)).toEqual(["Zoë Quill"]);
    expect((await listUsers({ q: "SAMPLE.org" })).map((u) => u.name)).toEqual(["Quentin Blake"]);
    expect((await listUsers({ q: "q", limit: 1 })).length).toBe(1);
  });
});
