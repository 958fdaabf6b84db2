import { CRASHED_TWICE_REASON } from "../files";
import { Prisma } from "../generated/prisma/client";

/**
 * Reasons an item was not indexed, in a few classes, for metric labels: the stored reasons
 * name files, sizes and parser messages, which would give a series per item. First match wins;
 * the patterns follow the messages of lib/indexing (prepare-batch, extract) and lib/files.
 */
export const REASON_CLASSES: readonly { reason: string; patterns: string[] }[] = [
  { reason: "conversion", patterns: ["conversion failed:%"] },
  { reason: "worker_crashed", patterns: [`%${CRASHED_TWICE_REASON}%`] },
  { reason: "out_of_memory", patterns: ["Ran out of memory%"] },
  { reason: "timeout", patterns: ["Timed out after%"] },
  { reason: "password_protected", patterns: ["%password-protected%"] },
  {
    reason: "indexing_off",
    patterns: ["Indexing of % is off%", "Folders have no content%", "Items of type % are not indexed%", "Its page or blog post is unknown%"],
  },
  { reason: "ocr_off", patterns: ["%OCR is off%"] },
  { reason: "unsupported_type", patterns: ["Unsupported file type%", "The file looks like binary data%"] },
  { reason: "empty_file", patterns: ["Empty file%"] },
  { reason: "too_large", patterns: ["%too large%", "%over the % limit%", "%download limit%"] },
  { reason: "file_missing", patterns: ["The stored file is incomplete%", "The file could not be downloaded%", "The file was not downloaded%"] },
  { reason: "extractor_crashed", patterns: ["The extractor thread%", "Extraction was stopped%", "Unexpected error:%"] },
  { reason: "unreadable", patterns: ["Could not read the %"] },
];

/** SQL that maps `column` (a stored reason) to its class, "other" when none matches. */
export function reasonClassSql(column: Prisma.Sql): Prisma.Sql {
  const whens = REASON_CLASSES.flatMap(({ reason, patterns }) => patterns.map((p) => Prisma.sql`WHEN ${column} ILIKE ${p} THEN ${reason}::text`));
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE 'other' END`;
}
