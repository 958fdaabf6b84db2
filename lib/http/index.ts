export { apiRoute } from "./api-route";
