// Attachment files, stored as 1 MiB pieces with raw `pg` so that their bytes never pass through
// Prisma or the JS heap (docs/decisions/011), and the marker that stops a file which keeps
// killing the worker. Worker-side only.
export { writeFilePieces, discardFileSet, adoptFileSet, refuseFile, readStoredFile, PIECE_BYTES } from "./pieces";
export { beginFileAttempts, endFileAttempts, CRASH_LIMIT, CRASHED_TWICE_REASON, type FileAttempt } from "./attempts";
