import type { DcState } from "./dc/state";
import type { Limits } from "./limits/limits";
import type { ShapeFaults } from "./limits/shape-faults";
import type { OAuthState, Site } from "./oauth/state";
import type { Store } from "./store/store";

/** Everything a request handler can reach. */
export interface SimState {
  store: Store;
  url: string;
  cloudId: string;
  siteName: string;
  authPrefix: string;
  apiPrefix: string;
  oauth: OAuthState;
  limits: Limits;
  stats: Map<string, number>;
  /** Storage bodies served per content id (pages, blog posts), for tests that check what was downloaded. */
  bodiesServed: Map<number, number>;
  /** Restriction reads that fail, by content id (status 403, 404, 503...): `PUT /__admin/faults/restrictions`. */
  restrictionFaults: Map<string, number>;
  /** v2 fields left out of responses: `PUT /__admin/faults/shapes` (simulator/limits/shape-faults.ts). */
  shapeFaults: ShapeFaults;
  site(): Site;
  /** Set when the simulator serves the Data Center REST API instead of Cloud's. */
  dc: DcState | null;
}
