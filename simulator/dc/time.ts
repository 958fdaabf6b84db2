/**
 * Wall-clock time in the server's time zone: Data Center writes dates with the server's offset
 * ("2024-10-09T11:51:59.233+11:00") and reads CQL date literals ("yyyy-MM-dd HH:mm") as local time.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC at the instant `ms`, in minutes (Berlin in summer: 120). */
export function offsetMinutes(ms: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a local wall-clock time in `tz`: the earlier one when clocks go back and the
 * time happens twice; a time skipped when clocks go forward is read with the offset before the jump.
 */
export function localToUtc(tz: string, y: number, mo: number, d: number, h = 0, mi = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = offsetMinutes(wall - 43_200_000, tz);
  const after = offsetMinutes(wall + 43_200_000, tz);
  const fits = [before, after].map((o) => wall - o * 60_000).filter((t) => t + offsetMinutes(t, tz) * 60_000 === wall);
  return fits.length ? Math.min(...fits) : wall - before * 60_000;
}

const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, "0");

/** ISO 8601 with milliseconds and the zone's offset, as Data Center writes it. */
export function isoInZone(ms: number, tz: string): string {
  const off = offsetMinutes(ms, tz);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 23);
  const a = Math.abs(off);
  return `${local}${off < 0 ? "-" : "+"}${pad(a / 60)}:${pad(a % 60)}`;
}

/** Calendar date (year, month, day) of `ms` in `tz`. */
export function localDate(ms: number, tz: string): [number, number, number] {
  const d = new Date(ms + offsetMinutes(ms, tz) * 60_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
