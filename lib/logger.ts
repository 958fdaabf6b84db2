import pino from "pino";
import { redactLogLine } from "./redact-secrets";

/**
 * pino, with every finished line passed through redact-secrets.ts: secrets are removed at any
 * depth, under any casing of their key and inside strings, including fields that child-logger
 * bindings and error serialisers add (pino's path-based redaction sees none of those).
 */
export function createLogger(options: { level?: string; name?: string } = {}, destination?: pino.DestinationStream) {
  return pino(
    {
      name: options.name,
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      hooks: { streamWrite: redactLogLine },
      base: { pid: process.pid },
    },
    destination,
  );
}

export const logger = createLogger({ name: "app" });
