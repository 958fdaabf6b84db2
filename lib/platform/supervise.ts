import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { stopChild } from "./processes";

/**
 * Node flags of the sync worker process, for `npm start` and the tests that run the worker as it
 * does. A bounded heap: the worker's live set is one page of records, and V8 otherwise grows lazily
 * toward what the machine has (docs/decisions/003). Files never enter this heap (decision 011).
 */
export const WORKER_NODE_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=4"];

/**
 * Environment of the sync worker process, beside its flags. glibc gives each thread that
 * allocates (the extractor thread, libuv's pool compressing bodies) a malloc arena of its own,
 * and their free space stays resident: two arenas cut the worker's peak by about 20 MB with the
 * extractor busy (bench:sync prints the peak). Other C libraries ignore it.
 */
export const WORKER_ENV = { MALLOC_ARENA_MAX: "2" };

export interface RestartPolicy {
  /** Wait before the first restart; doubles with each crash in a row. Default 1 s. */
  initialDelayMs: number;
  /** The longest wait between restarts. Default 30 s. */
  maxDelayMs: number;
  /** A process that ran this long was healthy: its crash starts the backoff afresh. Default 60 s. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, healthyAfterMs: 60_000 };

/** The wait before restart number `crashesInRow` (1-based): 1 s, 2 s, 4 s … capped. */
export function restartDelayMs(crashesInRow: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, crashesInRow - 1));
}

/**
 * Keeps one child process running: when it exits on its own (a crash, running out of memory,
 * a kill from outside) it is started again after a backoff, and the log says so. Events:
 * "spawn" (child), "exit" ({ code, signal, restartInMs }).
 */
export class Supervisor extends EventEmitter {
  private child: ChildProcess | null = null;
  private startedAt = 0;
  private crashesInRow = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  /** Restarts so far. */
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly spawnChild: () => ChildProcess,
    private readonly log: (message: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {
    super();
  }

  get current(): ChildProcess | null {
    return this.child;
  }

  start(): this {
    this.stopping = false;
    this.launch();
    return this;
  }

  /** Stops the child (SIGTERM, then SIGKILL after a grace period) and restarts no more. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.child) await stopChild({ name: this.name, child: this.child });
  }

  private launch(): void {
    const child = this.spawnChild();
    this.child = child;
    this.startedAt = Date.now();
    this.emit("spawn", child);
    child.once("exit", (code, signal) => this.onExit(child, code, signal));
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child || this.stopping) return;
    const ranMs = Date.now() - this.startedAt;
    this.crashesInRow = ranMs >= this.policy.healthyAfterMs ? 1 : this.crashesInRow + 1;
    const delay = restartDelayMs(this.crashesInRow, this.policy);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    this.log(
      `the ${this.name} process (pid ${child.pid}) exited (${how}) after ${formatMs(ranMs)}; restarting it in ${formatMs(delay)}` +
        (this.crashesInRow > 1 ? ` (crash ${this.crashesInRow} in a row)` : ""),
    );
    this.emit("exit", { code, signal, restartInMs: delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopping) return;
      this.restarts += 1;
      this.launch();
      this.log(`the ${this.name} process restarted (pid ${this.child?.pid})`);
    }, delay);
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
