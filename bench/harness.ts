/**
 * What the sync benchmarks share: a throw-away PostgreSQL migrated like production, the app's
 * environment pointed at a simulator, a real worker process with the flags `npm start` gives
 * it, a run driven to its end, and the simulator's request counts. lib/ modules that read the
 * environment are imported only inside these functions, after `setAppEnvironment`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Simulator } from "../simulator";
import { applyMigrations, startEmbeddedPostgres, WORKER_ENV, WORKER_NODE_FLAGS } from "../lib/platform";

export const projectDir = fileURLToPath(new URL("..", import.meta.url));

export interface BenchDatabase {
  url: string;
  /** Stops PostgreSQL and deletes its folder. */
  stop(): Promise<void>;
}

export async function startBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  fs.chmodSync(root, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), password: randomBytes(12).toString("hex"), throwaway: true });
  await applyMigrations(pg.url, projectDir);
  return {
    url: pg.url,
    stop: async () => {
      await pg.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The environment the app and its worker read (lib/env.ts), with the simulator as the Confluence site. */
export function setAppEnvironment(databaseUrl: string, sim?: Simulator): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: "http://localhost:3000",
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    LOG_LEVEL: "warn",
    ...(sim ? { CONFLUENCE_EXTRA_SITE_ORIGINS: sim.url, ATLASSIAN_AUTH_URL: sim.authUrl, ATLASSIAN_API_URL: sim.apiUrl } : {}),
  });
}

/** A sync worker process as `npm start` and `npm run worker` run it, given a few seconds to be ready. */
export async function startSyncWorker(): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "worker/index.ts"], {
    cwd: projectDir,
    env: { ...process.env, ...WORKER_ENV },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await new Promise((r) => setTimeout(r, 5000));
  return worker;
}

/** Stops the worker and waits for it to exit, so it does not log the database going away under it. */
export async function stopSyncWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((r) => worker.once("exit", r));
  worker.kill("SIGTERM");
  await exited;
}

/** A process's resident memory now (VmRSS) or at its peak so far (VmHWM), in MB. */
export function processRssMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
}

export interface StepSpan {
  step: string;
  startS: number;
  endS: number;
  /** The worker's largest resident memory seen while the step ran (sampled with each poll), when asked for. */
  peakRssMb?: number;
}

/**
 * Starts a sync and polls until the worker has finished it; seconds are from the request to the
 * end seen. The polls also note which step the run's checkpoint names, so the benchmark can print
 * when each step ran (to the poll's 100 ms).
 */
export async function syncToEnd(connectorId: string, kind: "full" | "incremental", workerPid?: number) {
  const { db } = await import("../lib/db");
  const { requestSync } = await import("../lib/sync");
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const { run } = await requestSync(connectorId, { kind, trigger: "bench" });
  const timeline: StepSpan[] = [];
  for (;;) {
    const row = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    const step = (row.checkpoint as { step?: string } | null)?.step;
    const last = timeline.at(-1);
    const rss = workerPid ? processRssMb(workerPid, "VmRSS") : 0;
    if (last) {
      last.endS = elapsed();
      last.peakRssMb = Math.max(last.peakRssMb ?? 0, rss);
    }
    if (step && step !== last?.step && row.status === "running") timeline.push({ step, startS: elapsed(), endS: elapsed(), peakRssMb: rss });
    if (row.status !== "queued" && row.status !== "running") return { run: row, seconds: elapsed(), timeline };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One line per step: its name, when it started and ended, a bar over the run's length, and the worker's RSS at its peak in the step. */
export function formatTimeline(timeline: StepSpan[], totalS: number, width = 50): string {
  const name = Math.max(0, ...timeline.map((s) => s.step.length));
  return timeline
    .map((s) => {
      const from = Math.floor((s.startS / totalS) * width);
      const to = Math.max(from + 1, Math.round((s.endS / totalS) * width));
      const bar = " ".repeat(from) + "#".repeat(to - from);
      const rss = s.peakRssMb ? `  ${String(s.peakRssMb).padStart(4)} MB` : "";
      return `  ${s.step.padEnd(name)}  ${s.startS.toFixed(1).padStart(6)}-${s.endS.toFixed(1).padStart(6)} s  |${bar.padEnd(width)}|${rss}`;
    })
    .join("\n");
}

export interface SimStats {
  routes: Record<string, number>;
  totalRequests: number;
  pointsSpent: number;
}

export async function resetSimStats(sim: Simulator): Promise<void> {
  await fetch(`${sim.url}/__admin/stats/reset`, { method: "POST" });
}

export async function readSimStats(sim: Simulator): Promise<SimStats> {
  return (await (await fetch(`${sim.url}/__admin/stats`)).json()) as SimStats;
}

/** Requests per route, most first, one indented line each; with `minimum`, each route's minimum beside it (routes only the minimum names too). */
export function formatRoutes(stats: SimStats, minimum?: Record<string, number>): string {
  const routes = { ...Object.fromEntries(Object.keys(minimum ?? {}).map((r) => [r, 0])), ...stats.routes };
  const width = Math.max(0, ...Object.keys(routes).map((r) => r.length));
  return Object.entries(routes)
    .sort((a, b) => b[1] - a[1])
    .map(([route, count]) => {
      const line = `  ${String(count).padStart(6)}  ${route}`;
      if (!minimum) return line;
      const least = minimum[route] ?? 0;
      return `${line.padEnd(width + 10)}  minimum ${String(least).padStart(5)}${count !== least ? `  (${count > least ? "+" : ""}${count - least})` : ""}`;
    })
    .join("\n");
}

/** Closes the app's job sender and database pool so the process can exit. */
export async function closeApp(): Promise<void> {
  const { stopJobSender } = await import("../lib/jobs");
  const { disconnectDb } = await import("../lib/db");
  await stopJobSender();
  await disconnectDb();
}

/**
 * The flags of a benchmark on a generated site (`--pages`, `--spaces`, `--latency`, `--seed`) plus
 * one `--<name> cloud|datacenter` choice and optionally one whole-number count flag without a
 * default, checked; a bad value prints which flag and exits 2.
 */
export function parseSiteFlags<K extends string, C extends string = never>(
  defaults: { pages: string; spaces: string; latency: string },
  choice: { name: K; default: "cloud" | "datacenter" },
  count?: { name: C },
): { pages: number; spaces: number; latency: number; seed: number } & Record<K, "cloud" | "datacenter"> & Partial<Record<C, number>> {
  const { values } = parseArgs({
    options: {
      pages: { type: "string", default: defaults.pages },
      spaces: { type: "string", default: defaults.spaces },
      latency: { type: "string", default: defaults.latency },
      seed: { type: "string", default: "42" },
      [choice.name]: { type: "string", default: choice.default },
      ...(count ? { [count.name]: { type: "string" as const } } : {}),
    },
  });
  const parsed = z
    .object({
      pages: z.coerce.number().int().min(10),
      spaces: z.coerce.number().int().min(1),
      latency: z.coerce.number().min(0),
      seed: z.coerce.number().int(),
      [choice.name]: z.enum(["cloud", "datacenter"], { error: "use cloud or datacenter" }),
      ...(count ? { [count.name]: z.coerce.number().int().min(0).optional() } : {}),
    })
    .safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  return parsed.data as { pages: number; spaces: number; latency: number; seed: number } & Record<K, "cloud" | "datacenter"> & Partial<Record<C, number>>;
}
