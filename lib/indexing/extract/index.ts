export { extractAttachmentText, closeExtractors } from "./extract-attachment-text";
export { extractableKind } from "./detect-kind";
export type { ExtractInput, ExtractOptions, ExtractResult, ExtractMethod, ExtractKind } from "./types";
