export { apiRoute } from "./api-route";
export { withBodyLimit } from "./limit-body";
export { DEFAULT_BODY_LIMIT, readJsonBody, readLimitedText } from "./read-body";
export { documented, routeDocOf, type RouteDoc, type Access } from "./route-doc";
export { buildOpenApi, HTTP_METHODS, type RouteModule } from "./openapi";
