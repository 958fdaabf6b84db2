import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("CLI", () => {
  it("starts on the requested port, prints the base URL and admin credentials, and stops on SIGTERM", async () => {
    const root = path.join(__dirname, "..");
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "simulator/cli.ts", "--port", "0", "--seed", "3", "--spaces", "3", "--pages", "50"],
      { cwd: root },
    );
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m && out.includes("admin token")) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on("exit", () => reject(new Error(`exited: ${out}`)));
    });
    expect(out).toContain("admin@example.com");
    expect(out).toContain("sim-admin-token");
    const res = await fetch(`${url}/wiki/api/v2/spaces`, {
      headers: { authorization: "Basic " + Buffer.from("admin@example.com:sim-admin-token").toString("base64") },
    });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
