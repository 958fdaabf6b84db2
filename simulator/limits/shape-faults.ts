/**
 * Shape faults: v2 responses with fields left out, as a Confluence (or a proxy, or another
 * double) may do wherever the OpenAPI file does not mark a field required, which is everywhere.
 * Each listed field name is removed at any depth inside every result (and single-object
 * responses); list envelopes (`results`, `_links.next`) are left intact so paging still works.
 */
export interface ShapeFaults {
  dropFields: Set<string>;
  /** Removed only from each result's own top level (`key` of a space, not `operation.key`). */
  dropTopLevelFields: Set<string>;
}

export const createShapeFaults = (): ShapeFaults => ({ dropFields: new Set(), dropTopLevelFields: new Set() });

function strip(value: unknown, drop: Set<string>, topLevel: Set<string> | null): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, drop, null));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!drop.has(key) && !topLevel?.has(key)) out[key] = strip(v, drop, null);
  return out;
}

export function applyShapeFaults(json: unknown, faults: ShapeFaults): unknown {
  if ((faults.dropFields.size === 0 && faults.dropTopLevelFields.size === 0) || !json || typeof json !== "object") return json;
  const body = json as { results?: unknown };
  const top = faults.dropTopLevelFields;
  if (Array.isArray(body.results)) return { ...body, results: body.results.map((r) => strip(r, faults.dropFields, top)) };
  return strip(json, faults.dropFields, top);
}
