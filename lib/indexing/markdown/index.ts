/**
 * Confluence storage format → Markdown, the stored document around it, and heading-aware
 * chunks for the search index. A pure library: no I/O, no database. See README.md for
 * the conversion choices.
 */
export type { ConvertContext } from "./convert-context";
export { storageToMarkdown, CONVERTER_VERSION } from "./storage-to-markdown";
export { renderDocument, type DocumentMeta } from "./render-document";
export { chunkDocument, type Chunk } from "./chunk-document";
