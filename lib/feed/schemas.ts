import { z } from "zod";

/** `GET /api/feed`: what changed after `cursor` (from the beginning without one). */
export const ZFeedQuery = z.object({
  cursor: z.string().trim().min(1).max(400).optional(),
  limit: z.coerce
    .number({ error: "must be a whole number between 1 and 500" })
    .int("must be a whole number between 1 and 500")
    .min(1, "must be a whole number between 1 and 500")
    .max(500, "must be a whole number between 1 and 500")
    .default(100),
  connectorId: z.string().trim().min(1, "must be a connector id").max(64, "must be a connector id").optional(),
});
export type FeedQuery = z.infer<typeof ZFeedQuery>;

/** A position in the feed: the writing transaction's id and the change's sequence number. */
export interface FeedPosition {
  xid: string;
  seq: string;
}

const ZCursor = z.object({ v: z.literal(1), e: z.string().min(1), x: z.string().regex(/^\d{1,20}$/), s: z.string().regex(/^\d{1,20}$/) });

/** Opaque to consumers: base64url JSON naming this store (its epoch) and a position. */
export function encodeCursor(epoch: string, at: FeedPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, e: epoch, x: at.xid, s: at.seq })).toString("base64url");
}

/** The cursor's store and position, or null when it is not a cursor this feed ever gave out. */
export function decodeCursor(cursor: string): { epoch: string; at: FeedPosition } | null {
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { epoch: parsed.data.e, at: { xid: parsed.data.x, seq: parsed.data.s } } : null;
  } catch {
    return null;
  }
}

/** Who may see a record, as Confluence decides it: the space's grants, and every restricted layer (ANDed). */
export interface FeedMirrorAccess {
  strategy: "mirror";
  /**
   * Confluence account ids and group ids granted the space; `anonymous`: everyone; `licensed`:
   * every licensed Atlassian account of the site (a space role given to an access class).
   */
  space: { anonymous: boolean; licensed: boolean; users: string[]; groups: string[] };
  /** One entry per restricted node on the record's chain (itself, or its container, and their ancestors), root first. */
  layers: { nodeId: string; users: string[]; groups: string[] }[];
}

/** Who may see a record of a connector with audience rules: these app users, and the members of these app groups (ORed). */
export interface FeedAudienceAccess {
  strategy: "audience";
  audience: { users: string[]; groups: string[] };
}

/** Which strategy decided, and what it says (docs/decisions/014). */
export type FeedAccess = FeedMirrorAccess | FeedAudienceAccess;

export interface FeedRecord {
  /** `connectorId/confluenceId`: stable across a record being removed and synced again (its `id` is not). */
  key: string;
  id: string;
  connectorId: string;
  confluenceId: string;
  type: string;
  url: string | null;
  space: { id: string | null; key: string | null };
  title: string;
  status: string;
  breadcrumb: string[];
  markdown: string | null;
  chunks: { ordinal: number; headingPath: string[]; text: string; language: string }[];
  modifiedAt: string | null;
  indexStatus: string;
  access: FeedAccess;
}

export type FeedChange =
  | { op: "upsert"; key: string; changedAt: string; record: FeedRecord }
  | { op: "delete"; key: string; changedAt: string; recordId: string; connectorId: string; confluenceId: string; reason: "deleted" | "visible_to_nobody" };

export interface FeedPage {
  changes: FeedChange[];
  /** Pass back as `cursor`; unchanged when nothing new was there. */
  cursor: string;
  /** More changes are ready now; otherwise poll again later with `cursor`. */
  hasMore: boolean;
}
