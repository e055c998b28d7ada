import { INSTANCE_ARN, instanceSeed } from "./base";

/** Workspaces, users and routing profiles to associate; ARNs derived the way the seed derives them. */
export const WS_MAIN = "ws-main";
export const WS_BIG = "ws-big";
export const USER_COUNT = 100;
export const ROUTING_PROFILE_COUNT = 5;

/** u-001 … u-100 */
export function userId(n: number): string {
  return `u-${String(n).padStart(3, "0")}`;
}
export function userArn(n: number): string {
  return `${INSTANCE_ARN}/agent/${userId(n)}`;
}
export function routingProfileArn(n: number): string {
  return `${INSTANCE_ARN}/routing-profile/rp-${n}`;
}
/** Users numbered from..to, inclusive. */
export function userArns(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => userArn(from + i));
}
/** A well-formed user ARN of the instance for a user that does not exist. */
export const UNKNOWN_USER_ARN = `${INSTANCE_ARN}/agent/no-such-user`;
/** A Connect ARN that is neither a user nor a routing profile. */
export const SECURITY_PROFILE_ARN = `${INSTANCE_ARN}/security-profile/sp-1`;

export function workspaceSeed(users = USER_COUNT): object {
  return instanceSeed({
    securityProfiles: [{ id: "sp-1", name: "Agent" }],
    users: Array.from({ length: users }, (_, i) => ({ id: userId(i + 1) })),
    routingProfiles: Array.from({ length: ROUTING_PROFILE_COUNT }, (_, i) => ({
      id: `rp-${i + 1}`,
      name: `Routing ${i + 1}`,
    })),
    workspaces: [{ id: WS_MAIN }, { id: WS_BIG }],
  });
}

/** workspaceSeed with tags on users 1-3 and routing profiles 1-2, for SearchFilter. */
export function taggedWorkspaceSeed(): object {
  const tags: Record<string, Record<string, string>> = {
    "u-001": { team: "billing", site: "paris" },
    "u-002": { team: "billing" },
    "u-003": { team: "support", site: "paris" },
    "rp-1": { team: "billing" },
    "rp-2": { site: "paris" },
  };
  return instanceSeed({
    users: Array.from({ length: 5 }, (_, i) => userId(i + 1)).map((id) => ({ id, tags: tags[id] })),
    routingProfiles: ["rp-1", "rp-2"].map((id) => ({ id, tags: tags[id] })),
    workspaces: [{ id: WS_MAIN }],
  });
}
