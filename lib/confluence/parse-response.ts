import { z } from "zod";
import { stripNul } from "../pg-text";
import { ResponseShapeError } from "./errors";
import { parseLinkHeader } from "./link-header";
import { cursorOf, toSitePath } from "./site-path";

/** Parse, don't cast: every body we rely on goes through zod, and a mismatch names the field. */

export interface ListPage<T> {
  results: T[];
  /** The `cursor` of the next page (store it to resume), or null on the last page. */
  nextCursor: string | null;
  /** The next page's site path (`/wiki/...`); also set for v1 offset lists that have no cursor. */
  nextPath: string | null;
}

/** NUL can only arrive escaped in JSON; PostgreSQL refuses it in text (lib/pg-text.ts), so it goes here. */
const withoutNul = (_key: string, value: unknown) => (typeof value === "string" ? stripNul(value) : value);

export function parseJsonBody(text: string, route: string, status: number): unknown {
  try {
    return text.includes("\\u0000") ? JSON.parse(text, withoutNul) : JSON.parse(text);
  } catch {
    throw new ResponseShapeError([{ path: "", message: "the body is not JSON" }], { route, status });
  }
}

export function parseWithSchema<S extends z.ZodType>(schema: S, body: unknown, route: string, status: number): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)).join("."),
    message: issue.message,
  }));
  throw new ResponseShapeError(problems, { route, status });
}

const ZListEnvelope = z.object({
  results: z.array(z.unknown()),
  _links: z.object({ next: z.string().nullish() }).nullish(),
});

/** A list response: `results` parsed item by item, the next link from `_links.next` or the Link header. */
export function parseListPage<S extends z.ZodType>(itemSchema: S, body: unknown, headers: Headers, route: string, status: number): ListPage<z.output<S>> {
  const envelope = parseWithSchema(ZListEnvelope.extend({ results: z.array(itemSchema) }), body, route, status);
  const link = envelope._links?.next || parseLinkHeader(headers.get("link")).next || null;
  let nextPath: string | null = null;
  try {
    nextPath = link ? toSitePath(link) : null;
  } catch {
    throw new ResponseShapeError([{ path: "_links.next", message: `not a Confluence link: ${link}` }], { route, status });
  }
  return { results: envelope.results as z.output<S>[], nextCursor: nextPath ? cursorOf(nextPath) : null, nextPath };
}
