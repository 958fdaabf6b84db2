import { z } from "zod";

/** GET /api/records/[id]/access: the record, and optionally the app user to check. */
export const ZRecordAccessParams = z.object({ id: z.string().trim().min(1).max(100) });
export const ZRecordAccessQuery = z.object({ user: z.string().trim().min(1, "Choose a person.").max(100).optional() });
