import type { ExtractMethod } from "./types";

/** What a reader inside the extractor thread returns; errors it throws become "failed". */
export type ReadOutcome = { status: "extracted"; text: string; method: ExtractMethod; truncated?: boolean } | { status: "skipped"; reason: string };
