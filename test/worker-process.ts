import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WORKER_ENV, WORKER_NODE_FLAGS } from "../lib/platform";

const projectDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * A real sync worker process with the heap limits `npm start` gives it. Node runs the worker
 * directly (tsx as a loader), so a signal hits the worker and not a wrapper. A short lease lets a
 * killed worker's run be taken over quickly.
 */
export function spawnWorker(env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "worker/index.ts"], {
    cwd: projectDir,
    env: { ...process.env, ...WORKER_ENV, SYNC_LEASE_SECONDS: "3", SYNC_SWEEP_SECONDS: "1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Peak resident memory of a live process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
