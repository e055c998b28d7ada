import { ACCOUNT, INSTANCE_ARN, REGION, instanceSeed } from "./base";
import { agentArn } from "./security-profiles";

/**
 * An instance "built by hand": every kind of association this package manages, for the export
 * tests. Flow associations are seeded; bots and workspace members are made through the API by
 * {@link buildByHand}, as a console user would.
 */
export const V1_BOTS = ["OrderBot", "Billing_Bot", "FAQBot"];
export const V2_ALIASES = ["A", "B", "C", "D"].map(
  (c) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT${c}000000/ALIAS${c}0000`,
);
export const FLOWS = ["flow-main", "flow-sales", "flow-after-hours"];
export const WORKSPACES = ["ws-agents", "ws-supervisors", "ws-sales"];
export const exportUserArn = (n: number): string => `${INSTANCE_ARN}/agent/user-${n}`;
export const exportRoutingProfileArn = (n: number): string => `${INSTANCE_ARN}/routing-profile/rp-${n}`;
export const AI_AGENT = agentArn(7);
export const VOICE = Array.from({ length: 10 }, (_, i) => `voice-${i}`);
export const SMS = ["sms-0", "sms-1", "sms-2"].map((id) => ({
  id,
  arn: `arn:aws:sms-voice:${REGION}:${ACCOUNT}:phone-number/phone-${id}`,
}));
export const WHATSAPP = ["wa-0", "wa-1"];
export const EMAILS = ["support", "billing"];
export const CONNECTOR = "connector-1";
/** Members each workspace gets by hand: 3, 3 and 2. */
export const MEMBERS: Record<string, string[]> = {
  "ws-agents": [exportUserArn(1), exportUserArn(2), exportUserArn(3)],
  "ws-supervisors": [exportUserArn(4), exportUserArn(5), exportRoutingProfileArn(1)],
  "ws-sales": [exportUserArn(6), exportRoutingProfileArn(2)],
};
/** Security profiles per user (1-6) and of the AI agent. */
export const USER_PROFILES: string[][] = [
  ["sp-agent"],
  ["sp-agent"],
  ["sp-agent", "sp-qa"],
  ["sp-supervisor"],
  ["sp-supervisor", "sp-qa"],
  ["sp-sales"],
];
export const AGENT_PROFILES = ["sp-ai", "sp-qa"];

export function exportSeed(): object {
  return instanceSeed({
    lexBots: V1_BOTS.map((name) => ({ name })),
    lexV2BotAliases: V2_ALIASES,
    contactFlows: FLOWS.map((id) => ({ id })),
    securityProfiles: ["sp-agent", "sp-qa", "sp-supervisor", "sp-sales", "sp-ai"].map((id) => ({ id })),
    users: USER_PROFILES.map((ids, i) => ({
      id: `user-${i + 1}`,
      username: `agent${i + 1}@example.com`,
      securityProfileIds: ids,
    })),
    aiAgents: [{ arn: AI_AGENT, securityProfileIds: AGENT_PROFILES }],
    routingProfiles: [1, 2].map((n) => ({ id: `rp-${n}`, name: `Routing ${n}` })),
    workspaces: WORKSPACES.map((id) => ({ id })),
    phoneNumbers: [
      ...VOICE.map((id, i) => ({
        id,
        channel: "VOICE",
        phoneNumber: `+1415555${String(100 + i).padStart(4, "0")}`,
      })),
      ...SMS.map((s, i) => ({
        id: s.id,
        channel: "SMS",
        arn: s.arn,
        phoneNumber: `+1415555${String(200 + i).padStart(4, "0")}`,
      })),
      ...WHATSAPP.map((id) => ({ id, channel: "WHATSAPP" })),
    ],
    emailAddresses: EMAILS.map((id) => ({ id })),
    analyticsConnectors: [{ id: CONNECTOR }],
    flowAssociations: [
      ...VOICE.map((id, i) => ({ resourceType: "VOICE_PHONE_NUMBER", resourceId: id, flowId: FLOWS[i % 3] })),
      ...SMS.map((s) => ({ resourceType: "SMS_PHONE_NUMBER", resourceId: s.arn, flowId: FLOWS[1] })),
      ...WHATSAPP.map((id) => ({
        resourceType: "WHATSAPP_MESSAGING_PHONE_NUMBER",
        resourceId: `arn:aws:social-messaging:${REGION}:${ACCOUNT}:phone-number-id/${id}`,
        flowId: FLOWS[0],
      })),
      {
        resourceType: "INBOUND_EMAIL",
        resourceId: `${INSTANCE_ARN}/email-address/${EMAILS[0]}`,
        flowId: FLOWS[0],
      },
      {
        resourceType: "INBOUND_EMAIL",
        resourceId: `${INSTANCE_ARN}/email-address/${EMAILS[1]}`,
        flowId: FLOWS[2],
      },
      {
        resourceType: "OUTBOUND_EMAIL",
        resourceId: `${INSTANCE_ARN}/email-address/${EMAILS[0]}`,
        flowId: FLOWS[1],
      },
      {
        resourceType: "ANALYTICS_CONNECTOR",
        resourceId: `${INSTANCE_ARN}/analytics-connector/${CONNECTOR}`,
        flowId: FLOWS[0],
      },
    ],
  });
}

/**
 * Associations by kind, as the export should find them: 7 bots, 8 workspace members, 19 flow
 * associations, 8 user profiles and 2 of the AI agent: 44.
 */
export const EXPECTED_COUNTS = {
  BotAssociation: V1_BOTS.length + V2_ALIASES.length,
  WorkspaceAssociation: Object.values(MEMBERS).flat().length,
  FlowAssociation: VOICE.length + SMS.length + WHATSAPP.length + 4,
  SecurityProfileAssociation: USER_PROFILES.flat().length + AGENT_PROFILES.length,
};
