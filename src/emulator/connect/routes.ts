import type { Route } from "../core/router";
import { botRoutes } from "./bots";
import type { ConnectErrorCode } from "./errors";
import { flowRoutes } from "./flows";
import { phoneNumberRoutes } from "./phone-numbers";
import { securityProfileRoutes } from "./security-profiles";
import { userSecurityProfileRoutes } from "./user-security-profiles";
import { userRoutes } from "./users";
import { workspaceRoutes } from "./workspaces";

/** Every Connect operation the emulator implements. */
export const connectRoutes: Route<ConnectErrorCode>[] = [
  ...botRoutes,
  ...securityProfileRoutes,
  ...userSecurityProfileRoutes,
  ...userRoutes,
  ...workspaceRoutes,
  ...flowRoutes,
  ...phoneNumberRoutes,
];
