/**
 * PostgreSQL refuses U+0000 in `text` and `jsonb` ("invalid byte sequence for encoding UTF8:
 * 0x00"), and one such value once stopped indexing for a whole connector. Confluence bodies,
 * titles and extracted file text can hold it; it carries no meaning there, so it is dropped.
 */
export function stripNul(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}

/** Strips NUL from every string in a JSON-like value (objects, arrays), keys included. */
export function stripNulDeep<T>(value: T): T {
  if (typeof value === "string") return stripNul(value) as T;
  if (Array.isArray(value)) return value.map(stripNulDeep) as T;
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripNul(k), stripNulDeep(v)])) as T;
  }
  return value;
}

/**
 * Runs `write` under a savepoint; when it fails for a reason of its own (not a lost
 * connection), the savepoint is rolled back and the transaction goes on without it.
 */
export async function underSavepoint<T>(
  tx: { $executeRawUnsafe(query: string): Promise<number> },
  name: string,
  write: () => Promise<T>,
  isTransient: (err: unknown) => boolean,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const value = await write();
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return { ok: true, value };
  } catch (error) {
    if (isTransient(error)) throw error;
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    return { ok: false, error };
  }
}
