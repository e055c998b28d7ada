import { agentArn } from "../helpers/seeds/security-profiles";
import { ACCOUNT, INSTANCE, REGION, instanceSeed } from "../helpers/seeds/base";
import {
  CONNECTOR_ID,
  EMAIL_ID,
  FLOW_A,
  FLOW_B,
  SMS_ARN,
  WHATSAPP_ARN,
  WHATSAPP_ID,
  SMS_ID,
} from "../helpers/seeds/flows";
import { DOMAIN, ORDER, PROFILE_A, orderKey, ordersDomain } from "../helpers/seeds/profiles";
import { userArn } from "../helpers/seeds/workspaces";

/*
 * A plan of 50 resources of every type on one instance and one Customer Profiles domain, and the
 * seed that makes each of them creatable, for the fault, crash and secrets tests.
 */

const pad = (n: number, width = 3) => String(n).padStart(width, "0");
const aliasArn = (i: number) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/MIXBOT${pad(i, 4)}/TSTALIASID`;
const voice = (i: number) => `pn-${pad(i)}`;
const userId = (i: number) => `u-${pad(i)}`;
const workspace = (i: number) => `ws-${i}`;
const orderId = (i: number) => `o-${i}`;

export interface PlannedResource {
  name: string;
  args: Record<string, unknown>;
}

export interface MixedPlan {
  bots: PlannedResource[];
  securityProfiles: PlannedResource[];
  workspaces: PlannedResource[];
  flows: PlannedResource[];
  deletions: PlannedResource[];
}

const BOTS_V2 = 10;
const V1_BOTS = ["MixOrderBot", "MixBillingBot"];
const AGENTS = 8;
const USERS_WITH_PROFILES = 2;
const WORKSPACES = 8;
const VOICE_NUMBERS = 10;
const DELETIONS = 6;
/** Users in the seed: enough for the workspaces (the largest takes 30, two AssociateWorkspace calls). */
const USERS = 40;

export function mixedPlan(): MixedPlan {
  return {
    bots: [
      ...Array.from({ length: BOTS_V2 }, (_, i) => ({
        name: `bot-v2-${i}`,
        args: { instanceId: INSTANCE, lexV2Bot: { aliasArn: aliasArn(i) } },
      })),
      ...V1_BOTS.map((name) => ({
        name: `bot-v1-${name}`,
        args: { instanceId: INSTANCE, lexBot: { name } },
      })),
    ],
    securityProfiles: [
      // AI agents with 2 to 12 profiles (over 10: two AssociateSecurityProfiles calls).
      ...Array.from({ length: AGENTS }, (_, i) => ({
        name: `agent-${i}`,
        args: {
          instanceId: INSTANCE,
          entityType: "AI_AGENT",
          entityArn: agentArn(100 + i),
          securityProfileIds: Array.from(
            { length: i === 0 ? 12 : 2 + (i % 3) },
            (_, k) => `sp-${pad(k + 1, 2)}`,
          ),
        },
      })),
      ...Array.from({ length: USERS_WITH_PROFILES }, (_, i) => ({
        name: `user-${i}`,
        args: {
          instanceId: INSTANCE,
          entityType: "USER",
          entityArn: userArn(i + 1),
          securityProfileIds: ["sp-01", `sp-${pad(i + 2, 2)}`],
        },
      })),
    ],
    workspaces: Array.from({ length: WORKSPACES }, (_, i) => ({
      name: `workspace-${i}`,
      args: {
        instanceId: INSTANCE,
        workspaceId: workspace(i),
        resourceArns:
          i === 0
            ? Array.from({ length: 30 }, (_, k) => userArn(k + 1))
            : [
                userArn(i),
                userArn(i + 10),
                `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}/routing-profile/rp-1`,
              ],
      },
    })),
    flows: [
      ...Array.from({ length: VOICE_NUMBERS }, (_, i) => ({
        name: `voice-${i}`,
        args: {
          instanceId: INSTANCE,
          resourceId: voice(i),
          resourceType: "VOICE_PHONE_NUMBER",
          flowId: i % 2 ? FLOW_A : FLOW_B,
        },
      })),
      {
        name: "sms",
        args: { instanceId: INSTANCE, resourceId: SMS_ARN, resourceType: "SMS_PHONE_NUMBER", flowId: FLOW_A },
      },
      {
        name: "whatsapp",
        args: {
          instanceId: INSTANCE,
          resourceId: WHATSAPP_ARN,
          resourceType: "WHATSAPP_MESSAGING_PHONE_NUMBER",
          flowId: FLOW_B,
        },
      },
      {
        name: "email",
        args: { instanceId: INSTANCE, resourceId: EMAIL_ID, resourceType: "INBOUND_EMAIL", flowId: FLOW_A },
      },
      {
        name: "connector",
        args: {
          instanceId: INSTANCE,
          resourceId: CONNECTOR_ID,
          resourceType: "ANALYTICS_CONNECTOR",
          flowId: FLOW_A,
        },
      },
    ],
    deletions: Array.from({ length: DELETIONS }, (_, i) => ({
      name: `erase-${i}`,
      args: {
        domainName: DOMAIN,
        profileId: PROFILE_A,
        objectTypeName: ORDER,
        profileObjectUniqueKey: orderKey(orderId(i)),
      },
    })),
  };
}

export function plannedCount(plan: MixedPlan): number {
  return Object.values(plan).reduce((n: number, list: PlannedResource[]) => n + list.length, 0);
}

export function mixedSeed(): object {
  return instanceSeed(
    {
      lexBots: V1_BOTS.map((name) => ({ name })),
      lexV2BotAliases: Array.from({ length: BOTS_V2 }, (_, i) => aliasArn(i)),
      securityProfiles: Array.from({ length: 12 }, (_, k) => ({ id: `sp-${pad(k + 1, 2)}` })),
      aiAgents: Array.from({ length: AGENTS }, (_, i) => ({ arn: agentArn(100 + i) })),
      users: Array.from({ length: USERS }, (_, i) => ({
        id: userId(i + 1),
        // Users start with a profile nobody manages: it must survive every run.
        securityProfileIds: i < USERS_WITH_PROFILES ? ["sp-12"] : [],
      })),
      routingProfiles: [{ id: "rp-1" }],
      workspaces: Array.from({ length: WORKSPACES }, (_, i) => ({ id: workspace(i) })),
      contactFlows: [{ id: FLOW_A }, { id: FLOW_B }],
      phoneNumbers: [
        ...Array.from({ length: VOICE_NUMBERS }, (_, i) => ({ id: voice(i), channel: "VOICE" })),
        { id: SMS_ID, channel: "SMS" },
        { id: WHATSAPP_ID, channel: "WHATSAPP" },
      ],
      emailAddresses: [{ id: EMAIL_ID }],
      analyticsConnectors: [{ id: CONNECTOR_ID }],
    },
    {
      customerProfiles: {
        domains: [
          ordersDomain([
            {
              id: PROFILE_A,
              objects: Array.from({ length: DELETIONS }, (_, i) => ({
                objectTypeName: ORDER,
                object: { orderId: orderId(i) },
              })),
            },
          ]),
        ],
      },
    },
  );
}
