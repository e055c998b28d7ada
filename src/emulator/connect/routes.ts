import type { Route } from "../core/router";
import { botRoutes } from "./bots";

/** Every Connect operation the emulator implements. */
export const connectRoutes: Route[] = [...botRoutes];
