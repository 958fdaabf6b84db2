import type { RouteDef } from "../../http/router";
import { attachmentRoutes } from "./attachments";
import { commentRoutes } from "./comments";
import { contentRoutes } from "./content";
import { miscRoutes } from "./misc";
import { spaceRoutes } from "./spaces";

export const v2Routes: RouteDef[] = [...spaceRoutes, ...contentRoutes, ...commentRoutes, ...attachmentRoutes, ...miscRoutes];
