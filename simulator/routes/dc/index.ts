import type { DcRouteDef } from "./common";
import { dcContentRoutes } from "./content";
import { dcPeopleRoutes } from "./people";
import { dcRestrictionRoutes } from "./restrictions";
import { dcScanRoutes } from "./scan";
import { dcSearchRoutes } from "./search";
import { dcSpaceRoutes } from "./spaces";
import { dcSystemRoutes } from "./system";

/** Every Data Center route, relative to the context path; fixed paths before `/content/{id}`. */
export const dcRoutes: DcRouteDef[] = [
  ...dcScanRoutes,
  ...dcSearchRoutes,
  ...dcRestrictionRoutes,
  ...dcContentRoutes,
  ...dcSpaceRoutes,
  ...dcPeopleRoutes,
  ...dcSystemRoutes,
];
export type { DcRouteDef } from "./common";
