import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import { AppError } from "../errors";
import { ZCreateUserInput, ZFirstAdminInput } from "./schemas";
import { createFirstAdmin, createUser, hasAnyUser, verifyCredentials } from "./users";

const admin = ZFirstAdminInput.parse({ name: "Ada", email: " Ada@Example.com ", password: "correct horse battery" });

describe("accounts", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("creates the first administrator once, with a hashed password", async () => {
    expect(await hasAnyUser()).toBe(false);
    const user = await createFirstAdmin(admin);
    expect(user).toMatchObject({ email: "ada@example.com", role: "admin" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
    await expect(createFirstAdmin({ ...admin, email: "other@example.com" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets only one of two simultaneous first-admin requests win", async () => {
    const results = await Promise.allSettled([createFirstAdmin(admin), createFirstAdmin({ ...admin, email: "grace@example.com" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count()).toBe(1);
  });

  it("refuses a duplicate email with a message on the email field", async () => {
    await createFirstAdmin(admin);
    const member = ZCreateUserInput.parse({ name: "Ada 2", email: "ADA@example.com", password: "another long password", role: "member" });
    const error = await createUser(member).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).detail).toEqual([{ loc: ["body", "email"], msg: "An account with this email already exists.", type: "duplicate" }]);
  });

  it("refuses a guessable password with advice on the password field (first admin and new users)", async () => {
    await expect(createFirstAdmin({ ...admin, password: "qwertyuiop12" })).rejects.toMatchObject({
      status: 422,
      detail: [{ loc: ["body", "password"], type: "password_weak", msg: expect.stringMatching(/^This password is too easy to guess\. .+/) }],
    });
    await createFirstAdmin(admin);
    for (const password of ["password1234", "bobbobbobbob", "bob@example.com1"]) {
      const error = await createUser({ name: "Bob", email: "bob@example.com", password, role: "member" }).catch((e: unknown) => e);
      expect((error as AppError).detail?.[0]).toMatchObject({ loc: ["body", "password"], type: "password_weak" });
    }
    await expect(createUser({ name: "Bob", email: "bob@example.com", password: "tangerine orbit lantern", role: "member" })).resolves.toMatchObject({
      role: "member",
    });
  });

  it("verifies credentials case-insensitively by email and rejects a wrong password", async () => {
    await createFirstAdmin(admin);
    expect(await verifyCredentials("ADA@example.com", "correct horse battery")).toMatchObject({ role: "admin" });
    expect(await verifyCredentials("ada@example.com", "wrong password here")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "correct horse battery")).toBeNull();
  });
});
