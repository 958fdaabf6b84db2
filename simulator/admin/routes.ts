import type { RouteDef } from "../http/router";
import { adminContentRoutes } from "./content";
import { adminDcRoutes } from "./dc";
import { adminPermissionRoutes } from "./permissions";
import { adminSystemRoutes } from "./system";

export const adminRoutes: RouteDef[] = [...adminPermissionRoutes, ...adminSystemRoutes, ...adminContentRoutes, ...adminDcRoutes];
