import type { Route } from "../core/router";
import { botRoutes } from "./bots";
import { workspaceRoutes } from "./workspaces";

/** Every Connect operation the emulator implements. */
export const connectRoutes: Route[] = [...botRoutes, ...workspaceRoutes];
