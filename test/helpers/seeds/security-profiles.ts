import { ACCOUNT, INSTANCE, REGION, instanceSeed } from "./base";

/** A seed for security profile tests: 40 profiles, AI agents and users on one instance. */
export const ASSISTANT = "9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
export const agentArn = (n: number, region = REGION): string =>
  `arn:aws:wisdom:${region}:${ACCOUNT}:ai-agent/${ASSISTANT}/0a1b2c3d-4e5f-4a6b-8c7d-${String(n).padStart(12, "0")}`;
export const AGENT = agentArn(1);
/** An AI agent already holding STRAY, a profile nobody manages. */
export const AGENT_WITH_STRAY = agentArn(2);
/** An AI agent whose ARN is in another Region than the instance. */
export const AGENT_ELSEWHERE = agentArn(3, "eu-west-2");
export const USER_ID = "u-0001";
export const USER_ARN = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}/agent/${USER_ID}`;
/** The profile the seeded user starts with, which no resource manages. */
export const KEPT = "sp-kept";
export const STRAY = "sp-stray";
/** sp-01 … sp-40. */
export const sp = (n: number): string => `sp-${String(n).padStart(2, "0")}`;
export const PROFILES = Array.from({ length: 40 }, (_, i) => sp(i + 1));

export function securityProfilesSeed(): object {
  return instanceSeed({
    securityProfiles: [...PROFILES, KEPT, STRAY].map((id) => ({ id })),
    users: [{ id: USER_ID, securityProfileIds: [KEPT] }],
    aiAgents: [
      { arn: AGENT },
      { arn: AGENT_WITH_STRAY, securityProfileIds: [STRAY] },
      { arn: AGENT_ELSEWHERE },
    ],
  });
}
