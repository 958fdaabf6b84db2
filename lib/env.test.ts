import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, launcherEnv, parseServerEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_SECRET: "s".repeat(40),
  NEXTAUTH_URL: "http://localhost:3000",
  ENCRYPTION_KEYS: `k2:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`,
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("environment", () => {
  it("reads a complete configuration, with the first encryption key active", () => {
    const env = parseServerEnv(valid);
    expect(env.ENCRYPTION_KEYS.activeKeyId).toBe("k2");
    expect([...env.ENCRYPTION_KEYS.keys.keys()]).toEqual(["k2", "k1"]);
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("names every missing variable", () => {
    const problems = problemsOf(() => parseServerEnv({}));
    expect(problems.join("\n")).toMatch(/DATABASE_URL is required/);
    expect(problems.join("\n")).toMatch(/NEXTAUTH_SECRET is required/);
    expect(problems.join("\n")).toMatch(/ENCRYPTION_KEYS is required/);
  });

  it("explains malformed values", () => {
    const problems = problemsOf(() => parseServerEnv({ ...valid, DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short", ENCRYPTION_KEYS: "k1:c2hvcnQ=" }));
    expect(problems).toContain("DATABASE_URL must be a postgresql://user:password@host:port/database URL");
    expect(problems).toContain("NEXTAUTH_SECRET must be at least 32 characters");
    expect(problems.join("\n")).toMatch(/ENCRYPTION_KEYS entry "k1:…" must be keyId:base64 of exactly 32 bytes/);
  });

  it("leaves metrics off unless METRICS_TOKEN is set, and refuses a short token", () => {
    expect(parseServerEnv(valid).METRICS_TOKEN).toBeUndefined();
    expect(parseServerEnv({ ...valid, METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(parseServerEnv({ ...valid, METRICS_TOKEN: "m".repeat(32) }).METRICS_TOKEN).toBe("m".repeat(32));
    expect(problemsOf(() => parseServerEnv({ ...valid, METRICS_TOKEN: "short" })).join("\n")).toMatch(/^METRICS_TOKEN must be at least 16 characters/);
  });

  it("rejects a port that is not a number", () => {
    expect(problemsOf(() => launcherEnv({ PORT: "web" }))).toEqual(["PORT must be a port number"]);
    expect(launcherEnv({}).PORT).toBe(3000);
  });
});
