/** How long the same queue error stays quiet after it was logged. */
const QUIET_MS = 30_000;

export interface QueueErrorSummary {
  name: string;
  message: string;
  code?: string;
}

/**
 * The parts of a pg-boss error worth a log line. The error objects pg and pg-boss raise while
 * the database is down carry the connection client and its pool, which pino would dump whole
 * (kilobytes a line, several lines a second).
 */
export function summarizeQueueError(err: unknown): QueueErrorSummary {
  if (!(err instanceof Error)) return { name: "Error", message: String(err).slice(0, 500) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message.slice(0, 500), ...(typeof code === "string" ? { code } : {}) };
}

/** Logs each distinct queue error at most once per QUIET_MS, counting the ones it left out. */
export function queueErrorLogger(log: (summary: QueueErrorSummary & { repeated?: number }) => void, now: () => number = Date.now) {
  const seen = new Map<string, { at: number; skipped: number }>();
  return (err: unknown) => {
    const summary = summarizeQueueError(err);
    const key = `${summary.code ?? ""}:${summary.message}`;
    const last = seen.get(key);
    if (last && now() - last.at < QUIET_MS) {
      last.skipped += 1;
      return;
    }
    if (seen.size > 100) seen.clear();
    seen.set(key, { at: now(), skipped: 0 });
    log(last?.skipped ? { ...summary, repeated: last.skipped } : summary);
  };
}
