import type { Route } from "../core/router";

/** Every Customer Profiles operation the emulator implements (DeleteProfileObject comes with its resource). */
export const profilesRoutes: Route[] = [];
