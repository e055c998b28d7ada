import { ALIAS_A, INSTANCE_ARN, instanceSeed } from "./base";
import { agentArn } from "./security-profiles";
import { FLOW_A, SMS_ARN, SMS_ID, voiceId } from "./flows";

/**
 * An instance on which associations of every kind already exist, set up outside any stack (the
 * seed's pre-association fields): what `connect-associations export` would find and a stack then
 * takes over.
 */
export const TAKEOVER_BOT = "OrderBot";
export const TAKEOVER_ALIAS = ALIAS_A;
export const TAKEOVER_WORKSPACE = "ws-main";
export const TAKEOVER_USER_ID = "u-001";
export const takeoverUserArn = (id: string): string => `${INSTANCE_ARN}/agent/${id}`;
export const TAKEOVER_MEMBERS = [
  takeoverUserArn("u-001"),
  takeoverUserArn("u-002"),
  `${INSTANCE_ARN}/routing-profile/rp-1`,
];
export const TAKEOVER_AGENT = agentArn(1);
/** The user holds both; the AI agent holds both. */
export const TAKEOVER_PROFILES = ["sp-1", "sp-2"];
export const TAKEOVER_VOICE = voiceId(0);

export function takeoverSeed(): object {
  return instanceSeed({
    lexBots: [{ name: TAKEOVER_BOT }],
    lexV2BotAliases: [TAKEOVER_ALIAS],
    associatedLexBots: [{ name: TAKEOVER_BOT }],
    associatedLexV2Bots: [TAKEOVER_ALIAS],
    securityProfiles: TAKEOVER_PROFILES.map((id) => ({ id })),
    users: ["u-001", "u-002"].map((id) => ({ id, securityProfileIds: TAKEOVER_PROFILES })),
    aiAgents: [{ arn: TAKEOVER_AGENT, securityProfileIds: TAKEOVER_PROFILES }],
    routingProfiles: [{ id: "rp-1" }],
    workspaces: [{ id: TAKEOVER_WORKSPACE }],
    workspaceAssociations: TAKEOVER_MEMBERS.map((resourceArn) => ({
      workspaceId: TAKEOVER_WORKSPACE,
      resourceArn,
    })),
    contactFlows: [{ id: FLOW_A }],
    phoneNumbers: [
      { id: TAKEOVER_VOICE, channel: "VOICE" },
      { id: SMS_ID, channel: "SMS" },
    ],
    flowAssociations: [
      { resourceType: "VOICE_PHONE_NUMBER", resourceId: TAKEOVER_VOICE, flowId: FLOW_A },
      { resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN, flowId: FLOW_A },
    ],
  });
}
