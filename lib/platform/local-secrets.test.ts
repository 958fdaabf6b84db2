import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseServerEnv } from "../env";
import { loadOrCreateLocalSecrets } from "./local-secrets";

describe("local secrets", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("are generated once into a 0600 file and reused on the next start", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"));
    dirs.push(dir);
    const first = loadOrCreateLocalSecrets(path.join(dir, "data"));
    const file = path.join(dir, "data", "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateLocalSecrets(path.join(dir, "data"))).toEqual(first);
    // What is generated is a valid configuration for the web and worker processes.
    const env = parseServerEnv({
      DATABASE_URL: "postgresql://u:p@127.0.0.1/db",
      NEXTAUTH_URL: "http://localhost:3000",
      NEXTAUTH_SECRET: first.nextauthSecret,
      ENCRYPTION_KEYS: first.encryptionKeys,
    });
    expect(env.ENCRYPTION_KEYS.keys.get("k1")).toHaveLength(32);
  });

  it("refuse a damaged file instead of silently replacing the keys", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ nextauthSecret: "x" }));
    expect(() => loadOrCreateLocalSecrets(dir)).toThrow(/damaged/);
  });
});
