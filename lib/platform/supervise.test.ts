import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { restartDelayMs, Supervisor } from "./supervise";

describe("restart backoff", () => {
  it("doubles from 1 s and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => restartDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
});

/** A real child process that exits with code 3 after `ms`. */
const crashingAfter = (ms: number) => () => spawn(process.execPath, ["-e", `setTimeout(() => process.exit(3), ${ms})`], { stdio: "ignore" });

describe("the supervisor", () => {
  it("restarts a child that keeps crashing, waiting longer each time, and logs each restart", async () => {
    const lines: string[] = [];
    const policy = { initialDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 60_000 };
    supervisor = new Supervisor("worker", crashingAfter(20), (m) => lines.push(m), policy);
    const waits: number[] = [];
    supervisor.on("exit", (e: { restartInMs: number }) => waits.push(e.restartInMs));
    supervisor.start();
    while (supervisor.restarts < 4) await once(supervisor, "spawn");
    expect(waits.slice(0, 4)).toEqual([50, 100, 200, 200]);
    expect(lines[0]).toMatch(/^the worker process \(pid \d+\) exited \(code 3\) after \d+ ms; restarting it in 50 ms$/);
    expect(lines).toContainEqual(expect.stringMatching(/^the worker process restarted \(pid \d+\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/restarting it in 200 ms \(crash 3 in a row\)$/));
  });

  it("starts the backoff afresh after a child that ran long enough to count as healthy", async () => {
    const policy = { initialDelayMs: 50, maxDelayMs: 1000, healthyAfterMs: 150 };
    let runs = 0;
    // Two quick crashes, then one that runs past healthyAfterMs, then a quick crash again.
    const spawnChild = () => crashingAfter([10, 10, 300, 10][runs++] ?? 10_000)();
    supervisor = new Supervisor("worker", spawnChild, () => undefined, policy);
    const waits: number[] = [];
    supervisor.on("exit", (e: { restartInMs: number }) => waits.push(e.restartInMs));
    supervisor.start();
    while (waits.length < 4) await once(supervisor, "exit");
    expect(waits).toEqual([50, 100, 50, 100]);
  });

  it("restarts nothing once stopped, and stops the running child", async () => {
    supervisor = new Supervisor(
      "worker",
      () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" }),
      () => undefined,
    );
    supervisor.start();
    const child = supervisor.current!;
    await supervisor.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(supervisor.restarts).toBe(0);
  });
});
