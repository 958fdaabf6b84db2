import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("CLI --flavor datacenter", () => {
  it("serves the Data Center API under the given context path and version, prints the accounts, and stops on SIGTERM", async () => {
    const root = path.join(__dirname, "../..");
    const args = [
      "simulator/cli.ts",
      "--port",
      "0",
      "--seed",
      "3",
      "--spaces",
      "3",
      "--pages",
      "50",
      "--flavor",
      "datacenter",
      "--context-path",
      "/wiki",
      "--dc-version",
      "8.9",
      "--anonymous",
    ];
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...args], { cwd: root });
    let out = "";
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no base URL printed: ${out}`)), 25_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /base URL:\s+(http:\/\/127\.0\.0\.1:\d+\/wiki)/.exec(out);
        if (m && out.includes("admin API")) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on("exit", () => reject(new Error(`exited: ${out}`)));
    });
    expect(out).toContain("Confluence Data Center 8.9.0");
    expect(out).toContain("anonymous access on");
    expect(out).toMatch(/admin:\s+admin \/ sim-admin-token\s+PAT \S+/);
    const pat = /user:\s+\S+ \/ \S+\s+PAT (\S+)/.exec(out)![1];
    const me = await fetch(`${base}/rest/api/user/current`, { headers: { authorization: `Bearer ${pat}` } });
    expect(((await me.json()) as { type: string }).type).toBe("known");
    const anon = await fetch(`${base}/rest/api/user/current`);
    expect(((await anon.json()) as { type: string }).type).toBe("anonymous");
    expect((await fetch(`${base}/rest/api/server-information`)).status).toBe(404);
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
