import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../lib/platform";

const projectDir = fileURLToPath(new URL("..", import.meta.url));

/** Runs `npm start`'s entry with the given environment and returns its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectDir, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: projectDir,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const secrets = { NEXTAUTH_SECRET: "x".repeat(40), ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` };

describe("the start command refuses bad set-ups with a clear message", () => {
  it("names a malformed PORT", async () => {
    const { code, output } = await start({ PORT: "web" });
    expect(code).toBe(1);
    expect(output).toContain("PORT must be a port number");
  });

  it("says which port is taken", async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((r) => blocker.listen(port, "0.0.0.0", () => r()));
    try {
      const { code, output } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("says the database cannot be reached, naming host and port", async () => {
    const closedPort = await findFreePort();
    const { code, output } = await start({
      PORT: String(await findFreePort()),
      DATABASE_URL: `postgresql://app:pw@127.0.0.1:${closedPort}/app`,
      ...secrets,
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach the database at 127.0.0.1:${closedPort}`);
  });

  it("requires the secrets from the environment when DATABASE_URL is set", async () => {
    const { code, output } = await start({ PORT: String(await findFreePort()), DATABASE_URL: "postgresql://a:b@127.0.0.1:1/x" });
    expect(code).toBe(1);
    expect(output).toContain("NEXTAUTH_SECRET and ENCRYPTION_KEYS must be set too");
  });
});
