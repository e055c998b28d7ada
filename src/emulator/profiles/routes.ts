import type { Route } from "../core/router";
import { objectRoutes } from "./objects";

/** Every Customer Profiles operation the emulator implements. */
export const profilesRoutes: Route[] = [...objectRoutes];
