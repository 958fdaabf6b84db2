import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { db, disconnectDb } from "../db";
import { serverEnv } from "../env";
import { prepareSetupCode, SETUP_CODE_FILE } from "./setup-code";
import { claimFirstAdmin, hasAnyUser } from "./users";

const admin = { name: "Ada", email: "ada@example.com", password: "correct horse battery staple" };

describe("the first-administrator setup code", () => {
  let dataDir: string;
  beforeEach(async () => {
    await resetDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "setup-code-"));
  });
  afterAll(disconnectDb);
  const prepare = () => prepareSetupCode(serverEnv().DATABASE_URL, dataDir);

  it("is generated on a fresh install, saved for the operator only, and the same code is printed after a restart", async () => {
    const code = await prepare();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const file = path.join(dataDir, SETUP_CODE_FILE);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(code);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await prepare()).toBe(code);
    // Only its hash is in the database.
    expect(JSON.stringify(await db().setupCode.findMany())).not.toContain(code!.replace(/-/g, ""));
  });

  it("without the code, or with a wrong one, nobody can claim the install", async () => {
    await expect(claimFirstAdmin({ ...admin, setupCode: "AAAA-BBBB-CCCC" })).rejects.toMatchObject({
      status: 422,
      detail: [{ loc: ["body", "setupCode"], msg: expect.stringContaining("No setup code is waiting") }],
    });
    const code = await prepare();
    await expect(claimFirstAdmin({ ...admin, setupCode: "AAAA-BBBB-CCCC" })).rejects.toMatchObject({
      detail: [{ loc: ["body", "setupCode"], msg: expect.stringContaining("That setup code is not right") }],
    });
    expect(await hasAnyUser()).toBe(false);
    // Typed in lower case without dashes, it still counts.
    const user = await claimFirstAdmin({ ...admin, setupCode: code!.toLowerCase().replace(/-/g, "") });
    expect(user).toMatchObject({ role: "admin" });
  });

  it("is used up by the first administrator, and the next start prints none and removes the saved copy", async () => {
    const code = await prepare();
    await claimFirstAdmin({ ...admin, setupCode: code! });
    expect(await db().setupCode.count()).toBe(0);
    await expect(claimFirstAdmin({ ...admin, email: "eve@example.com", setupCode: code! })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prepare()).toBeNull();
    expect(fs.existsSync(path.join(dataDir, SETUP_CODE_FILE))).toBe(false);
  });

  it("a missing saved copy means a new code (the old one stops working)", async () => {
    const first = await prepare();
    fs.rmSync(path.join(dataDir, SETUP_CODE_FILE));
    const second = await prepare();
    expect(second).not.toBe(first);
    await expect(claimFirstAdmin({ ...admin, setupCode: first! })).rejects.toMatchObject({ status: 422 });
    await expect(claimFirstAdmin({ ...admin, setupCode: second! })).resolves.toMatchObject({ role: "admin" });
  });
});
