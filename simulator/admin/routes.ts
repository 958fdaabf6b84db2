import type { RouteDef } from "../http/router";
import { adminContentRoutes } from "./content";
import { adminDcRoutes } from "./dc";
import { adminSystemRoutes } from "./system";

export const adminRoutes: RouteDef[] = [...adminSystemRoutes, ...adminContentRoutes, ...adminDcRoutes];
