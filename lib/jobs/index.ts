export { startJobQueue } from "./queue";
