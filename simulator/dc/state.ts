import type { Store } from "../store/store";
import { dcConfig, type DcConfig, type DcOptions } from "./config";
import { DcDirectory } from "./directory";
import { TokenBuckets } from "./ratelimit";

/** Everything the Data Center flavour keeps beside the shared store. */
export interface DcState {
  config: DcConfig;
  directory: DcDirectory;
  buckets: TokenBuckets;
}

export function createDcState(store: Store, options: DcOptions = {}): DcState {
  const config = dcConfig(options);
  return { config, directory: new DcDirectory(store), buckets: new TokenBuckets(config.rateLimit) };
}
