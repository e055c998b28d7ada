import type { Route } from "../core/router";
import { botRoutes } from "./bots";
import { flowRoutes } from "./flows";

/** Every Connect operation the emulator implements. */
export const connectRoutes: Route[] = [...botRoutes, ...flowRoutes];
