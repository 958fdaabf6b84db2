import type { RouteDef } from "../../http/router";
import { contentV1Routes } from "./content";
import { peopleRoutes } from "./people";
import { searchRoutes } from "./search";

export const v1Routes: RouteDef[] = [...searchRoutes, ...peopleRoutes, ...contentV1Routes];
