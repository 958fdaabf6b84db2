import { logger } from "../logger";
import { indexOneBatch } from "./index-step";
import type { StepContext, SyncStep } from "./step-context";

/**
 * The run as a pipeline: while the walk lists comments and attachments, downloads files and reads
 * permissions, this loop converts and indexes what earlier commits left pending, one batch at a
 * time, so the index step at the end only has the rest. Its queue is the store itself (rows whose
 * index status is pending), so memory stays bounded however far it falls behind, and a crash
 * loses nothing: a batch commits atomically or stays pending. Commits are serialized with the
 * walk's (ctx.commits); a conversion of a row changed meanwhile is dropped by writeIndexBatch.
 * A failure here only stops this loop for the slice; the index step does the work and reports.
 */
export class ConcurrentIndexer {
  private mode: SyncStep["indexAlongside"];
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failed = false;

  constructor(private readonly ctx: StepContext) {}

  /** Before each step: run beside it as the step allows, or stop (and wait for the batch in hand). */
  async follow(step: SyncStep): Promise<void> {
    this.mode = step.indexAlongside;
    if (!this.mode) return this.stop();
    if (!this.loop && !this.failed) this.loop = this.run();
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.mode = undefined;
    this.wake?.();
    const loop = this.loop;
    this.loop = null;
    await loop;
  }

  private async run(): Promise<void> {
    try {
      while (this.mode) {
        const count = await indexOneBatch(this.ctx, { advance: false, documentsOnly: this.mode === "documents" });
        // Nothing pending: wait for the walk to commit more (or for a new step or a stop).
        if (count === 0 && this.mode) await new Promise<void>((resolve) => this.idle(resolve, 250));
      }
    } catch (err) {
      this.failed = true;
      logger.warn(
        { runId: this.ctx.runId, err: err instanceof Error ? err.message : String(err) },
        "indexing beside the walk stopped; the index step will do the rest",
      );
    }
  }

  private idle(resolve: () => void, ms: number): void {
    const done = () => {
      clearTimeout(timer);
      this.wake = null;
      resolve();
    };
    const timer = setTimeout(done, ms);
    this.wake = done;
  }
}
