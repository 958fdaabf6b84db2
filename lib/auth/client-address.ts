/**
 * The address a request came from, as the nearest hop saw it: the last entry of
 * X-Forwarded-For. Next.js fills that header with the socket's address when the client
 * sent none, and a reverse proxy appends the address it saw, so the last entry is the one
 * nobody upstream could choose (docs/decisions/007-accounts-and-access.md).
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  if (!last) return "unknown";
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) and the same address in plain IPv4 are one client.
  return last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
}
