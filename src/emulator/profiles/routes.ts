import type { Route } from "../core/router";
import type { ProfilesErrorCode } from "./errors";
import { objectRoutes } from "./objects";

/** Every Customer Profiles operation the emulator implements. */
export const profilesRoutes: Route<ProfilesErrorCode>[] = [...objectRoutes];
