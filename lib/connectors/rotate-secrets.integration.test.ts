import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { keyIdOf, openSecret, sealSecret, type Keyring } from "../crypto";
import { db, disconnectDb } from "../db";
import { serverEnv } from "../env";
import { createOAuthApp } from "./oauth-apps";
import { storeTokens } from "./oauth-tokens";
import { rotateStoredSecrets } from "./rotate-secrets";
import { ENCRYPTED_COLUMNS, sealField, secretContext } from "./secrets";

const projectDir = fileURLToPath(new URL("../..", import.meta.url));
const newKey = randomBytes(32);

/** The configured keyring with a new key in front, as an operator sets it before rotating. */
function rotatedRing(): Keyring {
  const current = serverEnv().ENCRYPTION_KEYS;
  return { activeKeyId: "k2", keys: new Map([["k2", newKey], ...current.keys]) };
}

/** One of every kind of stored secret, plus one sealed with a key nobody has any more. */
async function seedSecrets() {
  const app = await createOAuthApp({ name: "App", clientId: "client-1", clientSecret: "app-secret" });
  await db().connector.create({
    data: {
      id: "c-token",
      name: "Token",
      siteUrl: "https://a.atlassian.net",
      authMethod: "api_token",
      email: "a@b.c",
      apiToken: sealField("apiToken", "c-token", "api-token"),
    },
  });
  await db().connector.create({
    data: {
      id: "c-oauth",
      name: "OAuth",
      siteUrl: "https://b.atlassian.net",
      authMethod: "oauth",
      oauthClientId: "x",
      oauthClientSecret: sealField("oauthClientSecret", "c-oauth", "own-secret"),
    },
  });
  await storeTokens("c-oauth", { accessToken: "access-1", refreshToken: "refresh-1", expiresAt: new Date(Date.now() + 3600_000), scope: "read" });
  const gone: Keyring = { activeKeyId: "gone", keys: new Map([["gone", randomBytes(32)]]) };
  await db().connector.create({
    data: {
      id: "c-lost",
      name: "Lost",
      siteUrl: "https://c.atlassian.net",
      authMethod: "api_token",
      email: "a@b.c",
      apiToken: sealSecret("lost", gone, secretContext("apiToken", "c-lost")),
    },
  });
  return { appId: app.id };
}

async function storedValues(): Promise<{ where: string; value: string; context: string }[]> {
  const out: { where: string; value: string; context: string }[] = [];
  for (const { table, idColumn, column, field } of ENCRYPTED_COLUMNS) {
    const rows = await db().$queryRawUnsafe<{ id: string; value: string }[]>(
      `SELECT "${idColumn}" AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const row of rows) out.push({ where: `${table}.${column}:${row.id}`, value: row.value, context: secretContext(field, row.id) });
  }
  return out;
}

describe("npm run rotate-keys", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("re-encrypts every stored secret with the first key and reports the one it cannot read", async () => {
    await seedSecrets();
    const report = await rotateStoredSecrets(rotatedRing());
    expect(report).toMatchObject({ activeKeyId: "k2", rotated: 5, alreadyCurrent: 0 });
    expect(report.stale).toEqual([
      {
        table: "connectors",
        column: "api_token_enc",
        id: "c-lost",
        keyId: "gone",
        reason: 'the secret was encrypted with key "gone", which is not configured',
      },
    ]);
    // Everything but the lost value now opens with the new key alone: the old one can go.
    const onlyNew: Keyring = { activeKeyId: "k2", keys: new Map([["k2", newKey]]) };
    const plaintexts = (await storedValues())
      .filter((v) => !v.where.includes("c-lost"))
      .map((v) => {
        expect(keyIdOf(v.value)).toBe("k2");
        return openSecret(v.value, onlyNew, v.context);
      });
    expect(plaintexts.sort()).toEqual(["access-1", "api-token", "app-secret", "own-secret", "refresh-1"]);
    // A second run has nothing left to do.
    expect(await rotateStoredSecrets(rotatedRing())).toMatchObject({ rotated: 0, alreadyCurrent: 5, stale: [{ id: "c-lost" }] });
  });

  it("covers every encrypted column in the database (a new *_enc column must be added to the list)", async () => {
    const columns = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name LIKE '%\\_enc' ORDER BY 1, 2`;
    const listed = ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort();
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`).sort()).toEqual(listed);
  });

  it("reads the database and keys from the environment like npm start, and exits non-zero while a value is stale", async () => {
    await seedSecrets();
    const current = process.env.ENCRYPTION_KEYS!;
    const result = spawnSync(process.execPath, [path.join(projectDir, "node_modules/tsx/dist/cli.mjs"), "scripts/rotate-keys.ts"], {
      cwd: projectDir,
      encoding: "utf8",
      timeout: 120_000,
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "rotate-")),
        DATABASE_URL: serverEnv().DATABASE_URL,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        ENCRYPTION_KEYS: `k2:${newKey.toString("base64")},${current}`,
        LOG_LEVEL: "silent",
      },
    });
    expect(result.stdout).toContain('active key "k2": re-encrypted 5, already on it 0');
    expect(result.stdout).toContain('connectors.api_token_enc of c-lost (key "gone")');
    expect(result.status).toBe(2);
    expect((await storedValues()).filter((v) => keyIdOf(v.value) === "k2")).toHaveLength(5);
  });
});
