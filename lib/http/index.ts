export { apiRoute } from "./api-route";
export { withBodyLimit } from "./limit-body";
export { DEFAULT_BODY_LIMIT, readJsonBody, readLimitedText } from "./read-body";
