import type { RouteDef } from "../http/router";
import { adminContentRoutes } from "./content";
import { adminSystemRoutes } from "./system";

export const adminRoutes: RouteDef[] = [...adminSystemRoutes, ...adminContentRoutes];
