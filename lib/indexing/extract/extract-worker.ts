/**
 * Entry of the extractor thread (see extractor-thread.ts). Parsers run here, one file at a
 * time, so a parser that hangs or balloons can be terminated without touching the process
 * that asked. Only the text crosses back.
 */
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { runExtractor, type ExtractJob } from "./run-extractor";
import type { ExtractResult } from "./types";

export type ExtractorReply = { type: "ready" } | { type: "output"; text: string } | { type: "result"; id: number; result: ExtractResult; heapUsed: number };

if (!parentPort) throw new Error("extract-worker.ts must run as a worker thread");
const port = parentPort;

// Parsers print, and tesseract's C code writes "Error in pixRead…" for every unreadable image
// (the result's reason says so already). That goes to the host's debug log, not the process's
// output. Patching write() rather than Worker's stdout option: a piped worker stdout keeps the
// host process alive even when the worker is unref'd.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    port.postMessage({ type: "output", text: typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8") } satisfies ExtractorReply);
    const done = rest.find((arg): arg is () => void => typeof arg === "function");
    done?.();
    return true;
  }) as typeof stream.write;
}

port.on("message", (job: ExtractJob) => void answer(job));

async function answer(job: ExtractJob): Promise<void> {
  const result = await runExtractor(job);
  const reply: ExtractorReply = { type: "result", id: job.id, result, heapUsed: getHeapStatistics().used_heap_size };
  port.postMessage(reply);
}

port.postMessage({ type: "ready" } satisfies ExtractorReply);
