import { setTimeout as delay } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { logger } from "../../logger";
import type { ExtractorReply } from "./extract-worker";
import { THREAD_HEAP_MB } from "./limits";
import type { ExtractJob } from "./run-extractor";
import type { ExtractResult } from "./types";

/** After a file, a heap this full means a parser is holding on to something: start afresh. */
const RECYCLE_HEAP_BYTES = 160 * 1024 * 1024;
/** Fresh thread now and then anyway, so slow leaks in parsers cannot add up. */
const RECYCLE_AFTER_FILES = 500;
const START_LIMIT_MS = 60_000;
const TERMINATE_WAIT_MS = 5_000;

const log = logger.child({ component: "extract" });

type Pending = { id: number; resolve: (result: ExtractResult) => void; timer: NodeJS.Timeout };

/**
 * The host side of one extractor thread (a worker_threads Worker running extract-worker.ts).
 * Files go through one at a time; the time limit starts when a file is handed over, not while
 * it waits. On timeout, crash or out-of-memory the thread is terminated (taking any OCR worker
 * inside it along) and the next file gets a new one.
 */
export class ExtractorThread {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private filesOnThread = 0;
  /** Bumped by stop(), so a file whose thread was stopped while starting gets stop()'s reason. */
  private generation = 0;
  private stopReason = "";

  run(job: Omit<ExtractJob, "id" | "bytes">, source: FileSource, timeoutMs: number): Promise<ExtractResult> {
    const result = this.queue.then(() => this.runNow(job, source, timeoutMs));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the thread; a file being read at that moment is reported as failed. */
  async stop(reason = "Extraction was stopped"): Promise<void> {
    const { worker, pending } = this;
    this.worker = null;
    this.ready = null;
    this.pending = null;
    this.generation++;
    this.stopReason = reason;
    if (pending) clearTimeout(pending.timer);
    // Answer only once the thread is gone, so the next file never shares memory with a dying
    // one. terminate() interrupts even a busy loop in a parser, but do not wait forever.
    if (worker) await Promise.race([worker.terminate(), delay(TERMINATE_WAIT_MS, undefined, { ref: false })]);
    pending?.resolve({ status: "failed", reason });
  }

  private async runNow(job: Omit<ExtractJob, "id" | "bytes">, source: FileSource, timeoutMs: number): Promise<ExtractResult> {
    let bytes: Uint8Array;
    try {
      bytes = await handOver(source);
    } catch (err) {
      return { status: "failed", reason: (err as Error).message };
    }
    let worker: Worker;
    const generation = this.generation;
    try {
      worker = await this.start();
    } catch (err) {
      if (generation !== this.generation) return { status: "failed", reason: this.stopReason };
      await this.stop();
      return { status: "failed", reason: `The extractor thread did not start: ${(err as Error).message}` };
    }
    const id = this.nextId++;
    return new Promise<ExtractResult>((resolve) => {
      const timer = setTimeout(() => {
        void this.stop(`Timed out after ${formatSeconds(timeoutMs)}`);
      }, timeoutMs);
      this.pending = { id, resolve, timer };
      worker.ref();
      worker.postMessage({ ...job, id, bytes } satisfies ExtractJob, [bytes.buffer as ArrayBuffer]);
    });
  }

  private settle(result: ExtractResult): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    // An idle thread must not keep the process alive.
    this.worker?.unref();
    pending.resolve(result);
  }

  private start(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url), {
        // Not the host's flags: --max-old-space-size is per process (resourceLimits is the
        // thread's), and the .mjs entry loads tsx itself, under vitest as under node --import tsx.
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
      });
      this.worker = worker;
      this.filesOnThread = 0;
      const startTimer = setTimeout(() => reject(new Error(`no answer after ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
      const current = () => this.worker === worker;
      worker.on("message", (reply: ExtractorReply) => {
        if (reply.type === "output") {
          log.debug({ output: reply.text.trimEnd() }, "extractor thread output");
          return;
        }
        if (reply.type === "ready") {
          clearTimeout(startTimer);
          worker.unref();
          resolve(worker);
          return;
        }
        if (!current() || this.pending?.id !== reply.id) return;
        this.settle(reply.result);
        if (reply.heapUsed > RECYCLE_HEAP_BYTES || ++this.filesOnThread >= RECYCLE_AFTER_FILES) void this.stop();
      });
      worker.on("error", (err: Error & { code?: string }) => {
        clearTimeout(startTimer);
        reject(err);
        if (!current()) return;
        const reason =
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `Ran out of memory while reading the file (limit ${THREAD_HEAP_MB} MB)`
            : `The extractor thread crashed: ${err.message}`;
        void this.stop(reason);
      });
      worker.on("exit", (code) => {
        clearTimeout(startTimer);
        reject(new Error(`it exited with code ${code}`));
        if (current()) void this.stop(`The extractor thread stopped unexpectedly (exit code ${code})`);
      });
    });
    return this.ready;
  }
}

export type FileSource = { bytes: Uint8Array } | { load: () => Promise<Uint8Array> };

/**
 * Bytes that may be moved into the thread (their whole ArrayBuffer is this file's alone). A
 * loaded buffer that owns its memory is moved as it is; anything else is copied first (not with
 * .slice(): on a Node Buffer that is a view, and moving it would detach the caller's memory).
 */
async function handOver(source: FileSource): Promise<Uint8Array> {
  if ("load" in source) {
    const loaded = await source.load();
    if (loaded.byteOffset === 0 && loaded.byteLength === loaded.buffer.byteLength && loaded.buffer instanceof ArrayBuffer) return loaded;
    return new Uint8Array(loaded);
  }
  return new Uint8Array(source.bytes);
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
