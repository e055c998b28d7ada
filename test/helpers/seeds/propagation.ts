import { ACCOUNT, INSTANCE_ARN, REGION, instanceSeed } from "./base";
import { agentArn } from "./security-profiles";

/**
 * A seed in which one entity of each kind is still propagating (`visibleAfterMs`), each beside one
 * that exists from the start: what AWS APIs answer for a resource created an instant ago.
 */
export const LATE = "late";
export const LATE_AGENT = agentArn(9);
export const LATE_ALIAS = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/LATEBOT000/LATEALIAS1`;
export const LATE_DOMAIN = "late-domain";
export const LATE_PROFILE = "1111111111111111111111111111111a";
export const EARLY_PROFILE = "2222222222222222222222222222222b";
export const lateArn = (kind: string): string => `${INSTANCE_ARN}/${kind}/${LATE}`;

export function propagationSeed(visibleAfterMs: number): object {
  const late = { id: LATE, visibleAfterMs };
  return instanceSeed(
    {
      lexBots: [{ name: "LateBot", visibleAfterMs }],
      lexV2BotAliases: [{ arn: LATE_ALIAS, visibleAfterMs }],
      securityProfiles: [{ id: "sp-early" }, late],
      users: [{ id: "u-early", securityProfileIds: ["sp-early"] }, late],
      aiAgents: [{ arn: LATE_AGENT, visibleAfterMs }],
      routingProfiles: [late],
      workspaces: [{ id: "ws-early" }, late],
      contactFlows: [{ id: "flow-early" }, late],
      phoneNumbers: [
        { id: "pn-early", channel: "VOICE" },
        { id: LATE, channel: "VOICE", visibleAfterMs },
      ],
      flowAssociations: [{ resourceType: "VOICE_PHONE_NUMBER", resourceId: LATE, flowId: "flow-early" }],
    },
    {
      customerProfiles: {
        domains: [
          { name: LATE_DOMAIN, visibleAfterMs },
          {
            name: "early-domain",
            objectTypes: [
              { name: "Order", profileKeyField: "customerId", uniqueKeyField: "orderId" },
              { name: "Late", profileKeyField: "customerId", uniqueKeyField: "orderId", visibleAfterMs },
            ],
            profiles: [{ id: EARLY_PROFILE }, { id: LATE_PROFILE, visibleAfterMs }],
          },
        ],
      },
    },
  );
}
