// The write side of the content pipeline (worker only): storage bodies to Markdown, files to
// text, both to index chunks. The web process reads the result through lib/content.
export { prepareIndexBatch, type PreparedItem } from "./prepare-batch";
export { writeIndexBatch, type IndexTally } from "./write-batch";
export { runIndexSlice } from "./index-runner";
export { closeExtractors } from "./extract";
export { CONVERTER_VERSION, storageToMarkdown, renderDocument, chunkDocument } from "./markdown";
