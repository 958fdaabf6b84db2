// Entry of the extractor thread. Node 20 does not apply an --import loader (tsx) to a worker's
// own entry file, so this plain-JS file registers tsx and then loads the TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
