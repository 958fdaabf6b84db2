/**
 * Whether an error means the database was briefly out of reach (restarted, connection reset,
 * pool exhausted) rather than that the work was wrong: such work is retried later, not failed.
 * Prisma wraps the pg driver's errors, so the codes and messages are looked for down the chain.
 */
const TRANSIENT_CODES = new Set([
  // Prisma: can't reach the server, timed out, connection closed, pool timeout.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTCONN",
  // PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, connection exceptions.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

const TRANSIENT_MESSAGES = [
  "connection terminated",
  "can't reach database server",
  "server has closed the connection",
  "terminating connection due to administrator command",
  "the database system is starting up",
  "the database system is shutting down",
  "connection refused",
  "timed out fetching a new connection",
  "client has encountered a connection error",
];

export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message, originalCode } = e as { code?: unknown; message?: unknown; originalCode?: unknown };
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    if (typeof originalCode === "string" && TRANSIENT_CODES.has(originalCode)) return true;
    if (typeof message === "string" && TRANSIENT_MESSAGES.some((m) => message.toLowerCase().includes(m))) return true;
    for (const inner of (e as { errors?: unknown[] }).errors ?? []) if (isDatabaseUnavailable(inner)) return true;
  }
  return false;
}
