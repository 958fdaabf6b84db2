// The read side of the content pipeline (safe for the web process): search, records, and
// requests to (re)index, which the worker carries out through lib/indexing.
export { requestReindex, indexSelectedRecords, indexOverview } from "./reindex";
export { searchRecords, explainSearch, type SearchHit, type SnippetPart } from "./search";
export { listRecords, getRecord, type RecordRow, type RecordDetail } from "./records";
export { detectSearchConfig, segmentForSearch, SEARCH_CONFIGS } from "./language";
export * from "./schemas";
export { containerIdOf, containerTypeOf } from "./containers";
export { listVisibleSpaces, findRecordByUrl, type VisibleSpace } from "./spaces";
