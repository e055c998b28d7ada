import type { Route } from "../core/router";
import { domainRoutes } from "./domains";
import type { ProfilesErrorCode } from "./errors";
import { objectRoutes } from "./objects";

/** Every Customer Profiles operation the emulator implements. */
export const profilesRoutes: Route<ProfilesErrorCode>[] = [...objectRoutes, ...domainRoutes];
