import { ResponseTimeoutError, ResponseTooLargeError } from "./errors";

/**
 * Bodies are read as streams and counted as they arrive, so a site that answers with gigabytes
 * (or never stops) costs at most the limit in memory and time, whatever Content-Length says.
 */

interface BodyLimits {
  route: string;
  status: number;
  maxBytes: number;
  /** Stops the underlying request (frees the socket) when a limit is hit. */
  abort: (reason: Error) => void;
}

function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get("content-length");
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** Refuses a body whose declared length is already over the limit, before reading a byte. */
export function assertDeclaredLength(response: Response, limits: BodyLimits): void {
  const length = declaredLength(response.headers);
  if (length !== undefined && length > limits.maxBytes) {
    const error = new ResponseTooLargeError(limits.maxBytes, { route: limits.route, status: limits.status });
    limits.abort(error);
    throw error;
  }
}

/**
 * The body as text, at most `maxBytes`. Past the limit: ResponseTooLargeError, or with
 * `truncate` (error bodies, read only for Confluence's message) the first `maxBytes`.
 */
export async function readTextCapped(response: Response, limits: BodyLimits & { truncate?: boolean }): Promise<string> {
  if (!response.body) return "";
  if (!limits.truncate) assertDeclaredLength(response, limits);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limits.maxBytes) {
      if (limits.truncate) {
        chunks.push(value.subarray(0, value.byteLength - (received - limits.maxBytes)));
        await reader.cancel().catch(() => undefined);
        break;
      }
      const error = new ResponseTooLargeError(limits.maxBytes, { route: limits.route, status: limits.status });
      limits.abort(error);
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A body stream that enforces a byte limit and a deadline on the whole transfer: past either
 * it errors with ResponseTooLargeError or ResponseTimeoutError (and the request is aborted),
 * even while the consumer is not reading. Other read failures pass through `mapError`.
 */
export function guardBody(
  source: ReadableStream<Uint8Array>,
  limits: BodyLimits & { deadlineMs: number; mapError: (error: unknown) => unknown },
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let received = 0;
  let failure: Error | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>, error: Error) => {
    clearTimeout(timer);
    failure ??= error;
    limits.abort(failure);
    reader.cancel(failure).catch(() => undefined);
    controller.error(failure);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setTimeout(() => stop(controller, new ResponseTimeoutError(limits.deadlineMs, limits)), limits.deadlineMs);
        timer.unref?.();
      },
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          clearTimeout(timer);
          controller.error(failure ?? limits.mapError(error));
          return;
        }
        if (failure) return;
        if (chunk.done) {
          clearTimeout(timer);
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (received > limits.maxBytes) return stop(controller, new ResponseTooLargeError(limits.maxBytes, limits));
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
