import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import { signInWithPassword } from "./sign-in";
import { signInErrorMessage } from "./sign-in-messages";
import { lockSeconds, ACCOUNT_POLICY } from "./sign-in-throttle";
import { createFirstAdmin, createUser } from "./users";

const ada = { name: "Ada", email: "ada@example.com", password: "correct horse battery staple" };

/** The form's sentence for one attempt: null when signed in. */
async function attempt(email: string, password: string, address = "203.0.113.7"): Promise<string | null> {
  try {
    const user = await signInWithPassword(email, password, address);
    return user ? null : signInErrorMessage("CredentialsSignin");
  } catch (err) {
    return signInErrorMessage((err as Error).message);
  }
}

describe("sign-in throttle", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("after five wrong passwords the account is locked, even for the right password, with the wait in minutes", async () => {
    await createFirstAdmin(ada);
    for (let i = 0; i < 5; i++) expect(await attempt(ada.email, "wrong password number x")).toBe("Wrong email or password.");
    expect(await attempt(ada.email, "wrong password number 6")).toBe("Too many attempts; try again in 1 minute.");
    expect(await attempt(ada.email, ada.password)).toBe("Too many attempts; try again in 1 minute.");
    // From another address too: the lock is the account's.
    expect(await attempt(ada.email, ada.password, "198.51.100.9")).toMatch(/^Too many attempts/);
  });

  it("each failure past the free ones doubles the wait, up to an hour", () => {
    const waits = [5, 6, 7, 8, 11, 30].map((failures) => lockSeconds(failures, ACCOUNT_POLICY));
    expect(waits).toEqual([0, 60, 120, 240, 1920, 3600]);
  });

  it("a failure once the lock has passed locks for longer", async () => {
    await createFirstAdmin(ada);
    for (let i = 0; i < 6; i++) await attempt(ada.email, "wrong password again x");
    // The lock ran out (moved into the past, as if a minute went by); the next failure locks for 2 minutes.
    await db().signInThrottle.update({ where: { key: `account:${ada.email}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(ada.email, "still the wrong one")).toBe("Too many attempts; try again in 2 minutes.");
  });

  it("a successful sign-in forgets the account's failures", async () => {
    await createFirstAdmin(ada);
    for (let i = 0; i < 4; i++) await attempt(ada.email, "wrong password again x");
    expect(await attempt(ada.email, ada.password)).toBeNull();
    for (let i = 0; i < 4; i++) expect(await attempt(ada.email, "wrong password again x")).toBe("Wrong email or password.");
    expect(await attempt(ada.email, ada.password)).toBeNull();
  });

  it("one address trying many accounts is locked after twenty failures, other addresses are not", async () => {
    await createFirstAdmin(ada);
    await createUser({ name: "Bob", email: "bob@example.com", password: "another long password", role: "member" });
    for (let i = 0; i < 20; i++) expect(await attempt(`user${i}@example.com`, "guess guess guess", "192.0.2.50")).toBe("Wrong email or password.");
    expect(await attempt("bob@example.com", "guess guess guess", "192.0.2.50")).toMatch(/^Too many attempts/);
    expect(await attempt("bob@example.com", "another long password", "192.0.2.50")).toMatch(/^Too many attempts/);
    expect(await attempt("bob@example.com", "another long password", "192.0.2.51")).toBeNull();
  });

  it("counts every failure when many arrive at once (the count lives in PostgreSQL, shared by all processes)", async () => {
    await createFirstAdmin(ada);
    await Promise.all(Array.from({ length: 8 }, () => attempt(ada.email, "parallel wrong guess")));
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `account:${ada.email}` } });
    expect(row.failures).toBe(8);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
