import { serverEnv } from "./lib/env";

try {
  serverEnv();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
